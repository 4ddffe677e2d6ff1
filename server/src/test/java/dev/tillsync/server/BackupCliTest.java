package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/pos server admin backup FILE} and {@code restore FILE --yes} through the real CLI, on the shared server's
 * database: a backup while the server runs; every refused restore changes nothing. The restore itself, with tills
 * resending what the server lost, is reliability's ServerRestoreTest.
 */
class BackupCliTest {
    private final TillServer server = SharedServer.get();

    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return server.jdbcUrl() + "?user=postgres";
    }

    private long items() {
        return server.services().jdbi().withHandle(h -> h.createQuery("select count(*) from item").mapTo(Long.class).one());
    }

    @Test
    void aBackupIsTakenWhileTheServerRunsAndEveryRefusedRestoreChangesNothing() throws Exception {
        Path file = dir.resolve("shop.backup");
        CliRun b = cli("admin", "--db", db(), "backup", file.toString());
        assertThat(b.exit()).as(b.out() + b.err()).isZero();
        assertThat(b.out()).contains("Backup written: " + file).contains("item: ").contains(" rows");
        assertThat(file).exists();
        assertThat(dir.resolve("shop.backup.part")).doesNotExist();
        long before = items();

        CliRun noYes = cli("admin", "--db", db(), "restore", file.toString());
        assertThat(noYes.exit()).isEqualTo(2);
        assertThat(noYes.err()).contains("error [confirm]").contains("--yes");

        CliRun live = cli("admin", "--db", db(), "restore", file.toString(), "--yes");
        assertThat(live.exit()).as(live.out() + live.err()).isEqualTo(1);
        assertThat(live.err()).contains("error [server_running]").contains("Stop every server first").contains("Nothing was changed");

        Path garbage = Files.writeString(dir.resolve("notes.txt"), "not a backup");
        CliRun g = cli("admin", "--db", db(), "restore", garbage.toString(), "--yes");
        assertThat(g.exit()).isEqualTo(1);
        assertThat(g.err()).contains("error [not_a_backup]");

        byte[] whole = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.backup"), Arrays.copyOf(whole, whole.length / 2));
        CliRun c = cli("admin", "--db", db(), "restore", cut.toString(), "--yes");
        assertThat(c.exit()).isEqualTo(1);
        assertThat(c.err()).contains("error [not_a_backup]");

        CliRun missing = cli("admin", "--db", db(), "restore", dir.resolve("nope.backup").toString(), "--yes");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("error [backup_missing]");
        assertThat(items()).as("nothing was changed").isEqualTo(before);
    }
}
