package dev.tillsync.server.admin;

import dev.tillsync.server.db.DatabaseBackup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bin/pos server admin backup FILE} and {@code restore FILE --yes}: the whole back office in one file. */
final class BackupCommand {
    private BackupCommand() {}

    @Command(name = "backup", description = {"Writes every row of the back office (one consistent snapshot, taken while the server runs) to FILE.",
            "Restore it with 'restore FILE --yes'; tills resend on their next contact what they synced after the backup."})
    static final class Backup implements Callable<Integer> {
        @ParentCommand AdminCommand admin;
        @Parameters(paramLabel = "FILE", description = "The backup file to write (written as FILE.part, moved into place when complete)") Path file;

        public Integer call() throws Exception {
            return admin.withDatabase(db -> {
                System.out.println("Backing up " + (admin.root.jdbcUrl() == null ? "the embedded database" : "the database") + " to " + file + "…");
                DatabaseBackup.Summary s = new DatabaseBackup(db.dataSource(), System.out).backup(file);
                System.out.println("Backup written: " + file + " (schema version " + s.schemaVersion() + ", " + s.rows().size() + " tables, "
                        + s.totalRows() + " rows, taken " + s.takenAt() + ").");
                return 0;
            });
        }
    }

    @Command(name = "restore", description = {"Replaces every row of the back office with those of a backup, in one transaction (all or nothing).",
            "Stop every server first. Tills that synced after the backup are asked on their next contact to send those sales again:",
            "the server takes each once. Exit 2 without --yes, 1 when refused (nothing changed)."})
    static final class Restore implements Callable<Integer> {
        @ParentCommand AdminCommand admin;
        @Parameters(paramLabel = "FILE", description = "A file written by 'backup'") Path file;
        @Option(names = "--yes", description = "Really replace everything in the database with the backup") boolean yes;

        public Integer call() throws Exception {
            DatabaseBackup.Summary s = DatabaseBackup.read(file);
            if (!yes) {
                System.err.println("error [confirm]: restoring " + file + " replaces every row of the back office with the backup taken "
                        + s.takenAt() + " (" + s.totalRows() + " rows); sales synced since then come back as the tills resend them."
                        + " Run again with --yes to do it.");
                return 2;
            }
            return admin.withDatabase(db -> {
                System.out.println("Restoring " + file + " (taken " + s.takenAt() + ")…");
                new DatabaseBackup(db.dataSource(), System.out).restore(file);
                System.out.println("Restored " + s.totalRows() + " rows from " + file + " (taken " + s.takenAt() + "). Start the server:"
                        + " each till sends again, on its next contact, what it synced after the backup.");
                return 0;
            });
        }
    }
}
