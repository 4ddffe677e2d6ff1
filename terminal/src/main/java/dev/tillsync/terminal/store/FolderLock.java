package dev.tillsync.terminal.store;

import dev.tillsync.terminal.FolderClaim;
import dev.tillsync.terminal.TerminalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Invariant: one process at a time works on a till's data folder through the CLI or the desktop, by an OS lock on
 * {@code DIR/terminal.lock} that the OS drops when the process ends, even by kill -9. SQLite alone would serialise
 * the writes (numbers stayed distinct and gap-free), but two sync engines on one outbox push the same rows twice and
 * two drivers fight over the session and the shift. The holder writes who it is into the file, so a refused opener
 * is told which process (pid, command, since when) holds the till.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE_NAME = "terminal.lock";
    /** How long an opener waits for a one-shot command to finish; the same as the store's busy timeout. */
    static final Duration WAIT_FOR_ONE_SHOT = Duration.ofSeconds(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    // The locks this JVM holds. A second channel on the file must never be opened here: on Linux, closing any
    // descriptor of a file drops every lock the process holds on it.
    private static final Map<Path, Holder> HELD_HERE = new HashMap<>();

    /** Who holds the folder, as written into the lock file. */
    record Holder(long pid, String command, boolean driver, Instant since) {
        String text() {
            return "pid=" + pid + "\ncommand=" + command + "\ndriver=" + driver + "\nsince=" + since + "\n";
        }

        /** The holder a lock file names, or null when it names none (being written, or damaged). */
        static Holder parse(String text) {
            Map<String, String> f = new HashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) f.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
            try {
                return new Holder(Long.parseLong(f.get("pid")), f.getOrDefault("command", "a tillsync process"),
                        Boolean.parseBoolean(f.get("driver")), Instant.parse(f.get("since")));
            } catch (RuntimeException unreadable) {
                return null;
            }
        }

        String describe() {
            return command + " (pid " + pid + ", since " + TIME.format(since) + ")";
        }
    }

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder for {@code claim}. A folder held by a driver is refused at once, naming it; one held by a
     * one-shot command is waited for up to {@link #WAIT_FOR_ONE_SHOT}, then refused naming it.
     */
    public static FolderLock acquire(Path dir, FolderClaim claim) {
        Path key = dir.toAbsolutePath().normalize();
        Path file = key.resolve(FILE_NAME);
        long deadline = System.nanoTime() + WAIT_FOR_ONE_SHOT.toNanos();
        while (true) {
            FolderLock taken = tryTake(key, file, new Holder(ProcessHandle.current().pid(), claim.command(), claim.driver(), Instant.now()));
            if (taken != null) return taken;
            Holder other = holderOf(key, file);
            if (other != null && other.driver()) {
                throw new TerminalException("folder_in_use", other.describe() + " is driving this till; stop it or use it (data folder "
                        + key + ").");
            }
            if (System.nanoTime() > deadline) {
                throw new TerminalException("folder_in_use", (other == null ? "Another tillsync process" : other.describe())
                        + " is still working on this till after " + WAIT_FOR_ONE_SHOT.toSeconds() + " s; wait for it to finish or stop it (data folder "
                        + key + ").");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TerminalException("interrupted", "Interrupted while waiting for the data folder " + key + ".", e);
            }
        }
    }

    private static FolderLock tryTake(Path key, Path file, Holder me) {
        synchronized (HELD_HERE) {
            if (HELD_HERE.containsKey(key)) return null;
            FileChannel ch = null;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    return null;
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                HELD_HERE.put(key, me);
                return new FolderLock(key, ch, l);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new TerminalException("data_dir_unusable", "Cannot lock the data folder " + key + " (" + e.getMessage()
                        + "). Fix the permissions or choose another folder with --data.", e);
            }
        }
    }

    private static Holder holderOf(Path key, Path file) {
        synchronized (HELD_HERE) {
            Holder here = HELD_HERE.get(key);
            if (here != null) return here;
        }
        try {
            return Holder.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was locked through it
        }
    }

    @Override
    public void close() {
        synchronized (HELD_HERE) {
            HELD_HERE.remove(key);
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it anyway
            }
            closeQuietly(channel);
        }
    }
}
