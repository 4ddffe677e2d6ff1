package dev.tillsync.server.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code bin/pos server admin backup FILE} / {@code restore FILE}: every row of the server's schema, read in one
 * snapshot, written as PostgreSQL binary COPY streams in a zip with a manifest (schema version, row counts, sequence
 * positions). The project ships PostgreSQL's server binaries without pg_dump, and Debian's pg_dump is older than the
 * bundled server (it refuses to dump a newer one), so this is the built-in route; an operator running their own
 * PostgreSQL may use pg_dump or a base-backup tool instead (docs/operations.md).
 *
 * <p>Invariant: a restore is one transaction: the database holds the whole backup or is left as it was.
 */
public final class DatabaseBackup {
    public static final String FORMAT = "tillsync-backup";
    public static final int VERSION = 1;
    private static final String MANIFEST = "manifest.json";
    private static final String FLYWAY = "flyway_schema_history";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final PrintStream progress;

    public DatabaseBackup(DataSource dataSource, PrintStream progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    /** What a backup holds, or a restore loaded. */
    public record Summary(String schemaVersion, Instant takenAt, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes the backup to {@code file} (through FILE.part, moved into place once complete). */
    public Summary backup(Path file) throws IOException, SQLException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Map<String, Long> rows = new LinkedHashMap<>();
        Instant at = Instant.now();
        String version;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                version = schemaVersion(c);
                List<String> tables = tables(c);
                ArrayNode sequences = sequences(c);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
                    for (String t : tables) {
                        zip.putNextEntry(new ZipEntry("data/" + t + ".copy"));
                        long n = copy.copyOut("COPY public." + quote(t) + " TO STDOUT (FORMAT binary)", unclosable(zip));
                        zip.closeEntry();
                        rows.put(t, n);
                        progress.println("  " + t + ": " + n + " rows");
                    }
                    ObjectNode manifest = JSON.createObjectNode();
                    manifest.put("format", FORMAT).put("version", VERSION).put("schemaVersion", version).put("takenAt", at.toString());
                    manifest.set("rows", JSON.valueToTree(rows));
                    manifest.set("sequences", sequences);
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    zip.closeEntry();
                }
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                Files.deleteIfExists(part);
                throw e;
            }
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(version, at, rows);
    }

    /** The manifest of a backup file; refused when the file is not a tillsync backup this release reads. */
    public static Summary read(Path file) throws IOException {
        return summaryOf(manifest(file));
    }

    private static Summary summaryOf(JsonNode m) {
        Map<String, Long> rows = new LinkedHashMap<>();
        m.path("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
        return new Summary(m.path("schemaVersion").asText(), Instant.parse(m.path("takenAt").asText()), rows);
    }

    /**
     * Replaces every row of the database with the backup's, in one transaction. Refused, with nothing changed, when
     * the file is not a complete backup, when it was taken at another schema version, or while a server is connected.
     */
    public Summary restore(Path file) throws IOException, SQLException {
        JsonNode manifest = manifest(file);
        Summary summary = summaryOf(manifest);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String current = schemaVersion(c);
                if (!current.equals(summary.schemaVersion())) {
                    throw new BackupException("backup_schema_mismatch", "The backup " + file + " was taken at schema version " + summary.schemaVersion()
                            + "; this database is at " + current + ". Restore it with the tillsync release that took it, then start this"
                            + " release to migrate. Nothing was changed.");
                }
                int servers = connectedServers(c);
                if (servers > 0) {
                    throw new BackupException("server_running", servers + " connection(s) of a running tillsync server use this database."
                            + " Stop every server first (a restore replaces every row under it), then run restore again. Nothing was changed.");
                }
                List<String> tables = tables(c);
                List<String[]> fks = foreignKeys(c);
                long headBefore = changeHead(c);
                String restoresBefore = setting(c, RESTORED_FEED);
                try (Statement st = c.createStatement()) {
                    // Loading table by table would trip the foreign keys (a category's parent, a line's invoice); dropped
                    // and added again in this transaction, they are checked once over the whole backup at the end.
                    for (String[] fk : fks) st.execute("ALTER TABLE public." + quote(fk[0]) + " DROP CONSTRAINT " + quote(fk[1]));
                    if (!tables.isEmpty()) st.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> "public." + quote(t)).toList()));
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                int loaded = 0;
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (!e.getName().startsWith("data/")) continue;
                        String t = e.getName().substring(5, e.getName().length() - ".copy".length());
                        if (!tables.contains(t)) {
                            throw new BackupException("backup_unknown_table", "The backup holds table " + t + ", which this database does not have. Nothing was changed.");
                        }
                        long n = copy.copyIn("COPY public." + quote(t) + " FROM STDIN (FORMAT binary)", unclosable(zip));
                        if (n != summary.rows().getOrDefault(t, -1L)) {
                            throw new BackupException("backup_damaged", "Table " + t + " of the backup has " + n + " rows, its manifest says "
                                    + summary.rows().get(t) + ": the file is damaged. Nothing was changed.");
                        }
                        loaded++;
                        progress.println("  " + t + ": " + n + " rows");
                    }
                }
                if (loaded != summary.rows().size()) {
                    throw new BackupException("backup_damaged", "The backup lists " + summary.rows().size() + " tables but holds " + loaded
                            + ": the file is incomplete. Nothing was changed.");
                }
                try (Statement st = c.createStatement()) {
                    for (String[] fk : fks) st.execute("ALTER TABLE public." + quote(fk[0]) + " ADD CONSTRAINT " + quote(fk[1]) + " " + fk[2]);
                }
                for (JsonNode s : manifest.path("sequences")) {
                    try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                        ps.setString(1, "public." + quote(s.path("name").asText()));
                        ps.setLong(2, s.path("lastValue").asLong());
                        ps.setBoolean(3, s.path("called").asBoolean());
                        ps.execute();
                    }
                }
                long backupHead = changeHead(c);
                // Tills hold pull cursors up to headBefore; the backup's feed ends at backupHead. New changes are numbered
                // past every cursor ever issued, and a cursor inside (backupHead, headBefore] is sent a full snapshot
                // (PullFeed): it has seen changes this restore undid.
                try (PreparedStatement ps = c.prepareStatement("select setval('public.change_seq', ?, true)")) {
                    ps.setLong(1, Math.max(Math.max(headBefore, backupHead), 1));
                    ps.execute();
                }
                String windows = (restoresBefore == null || restoresBefore.isBlank() ? "" : restoresBefore + ",") + backupHead + ":" + headBefore;
                try (PreparedStatement ps = c.prepareStatement("insert into server_setting (key, value) values (?, ?)"
                        + " on conflict (key) do update set value = excluded.value")) {
                    ps.setString(1, RESTORED_FEED);
                    ps.setString(2, windows);
                    ps.execute();
                }
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return summary;
    }

    /**
     * server_setting key: the change-feed windows restores undid, "FROM:TO,..." (a cursor in (FROM, TO] saw changes
     * the database no longer has).
     */
    public static final String RESTORED_FEED = "restored_feed_windows";

    private static long changeHead(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select case when is_called then last_value else 0 end from public.change_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String setting(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select value from public.server_setting where key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static JsonNode manifest(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new BackupException("backup_missing", "No backup file at " + file + ".");
        // ZipFile reads the manifest through the zip's directory at the end of the file, without inflating the tables
        // before it; a file cut short has no directory and is refused here
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(MANIFEST);
            if (e == null) {
                throw new BackupException("not_a_backup", file + " is not a complete tillsync backup (it has no manifest; was it cut short?).");
            }
            JsonNode m;
            try (InputStream in = zip.getInputStream(e)) {
                m = JSON.readTree(in);
            }
            if (!FORMAT.equals(m.path("format").asText()) || m.path("version").asInt() != VERSION) {
                throw new BackupException("not_a_backup", file + " is not a tillsync backup (format " + m.path("format").asText()
                        + " version " + m.path("version").asText() + ").");
            }
            return m;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new BackupException("not_a_backup", file + " is not a complete tillsync backup (" + e.getMessage()
                    + "; was it cut short or damaged?). Nothing was changed.");
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version from public." + FLYWAY + " where success and version is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) throw new BackupException("no_schema", "The database has no tillsync schema.");
            return rs.getString(1);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public' and tablename <> '" + FLYWAY + "' order by tablename")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static ArrayNode sequences(Connection c) throws SQLException {
        ArrayNode out = JSON.createArrayNode();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select sequencename, coalesce(last_value, start_value), last_value is not null from pg_sequences"
                     + " where schemaname = 'public' order by sequencename")) {
            while (rs.next()) out.addObject().put("name", rs.getString(1)).put("lastValue", rs.getLong(2)).put("called", rs.getBoolean(3));
        }
        return out;
    }

    /** {table, constraint, definition} of every foreign key in the schema. */
    private static List<String[]> foreignKeys(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select cl.relname, con.conname, pg_get_constraintdef(con.oid) from pg_constraint con"
                     + " join pg_class cl on cl.oid = con.conrelid join pg_namespace n on n.oid = cl.relnamespace"
                     + " where con.contype = 'f' and n.nspname = 'public' order by cl.relname, con.conname")) {
            while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
        return out;
    }

    private static int connectedServers(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid() and application_name = ?")) {
            ps.setString(1, Database.SERVER_APPLICATION);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip entry ends, the zip stays open
            }
        };
    }

    /** A backup or restore refused as a whole, with what to do; nothing was changed. */
    public static final class BackupException extends RuntimeException {
        private final String code;

        BackupException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
