package dev.tillsync.terminal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keeps the till's data folder (no group or other bits: 700) and the files in it that hold secrets or what they protect (the SQLite store
 * with its PIN hashes and its -wal/-shm, the device secret: 600) readable by the till's own user only. SQLite
 * gives its -wal and -shm the mode of the main file, so creating that 600 before SQLite opens it covers them too.
 * On a file system without POSIX modes (Windows) this does nothing: there the folder's ACL is the operator's.
 */
public final class OwnerOnly {
    private static final String[] STORE_SUFFIXES = {"", "-wal", "-shm", "-journal"};

    private OwnerOnly() {}

    /** Restricts {@code dir} and the store {@code file} (created empty and 600 when missing) and its companions. */
    static void restrict(Path dir, Path file, String... others) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) return;
        ownerBitsOnly(dir);
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        for (String suffix : STORE_SUFFIXES) file(file.resolveSibling(file.getFileName() + suffix));
        for (String name : others) file(dir.resolve(name));
    }

    private static void file(Path p) throws IOException {
        if (Files.isRegularFile(p)) ownerBitsOnly(p);
    }

    /** Takes away every group and other bit, never adding one: a folder the owner made read-only stays read-only. */
    private static void ownerBitsOnly(Path p) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
        if (perms.removeIf(b -> !b.name().startsWith("OWNER_"))) Files.setPosixFilePermissions(p, perms);
    }
}
