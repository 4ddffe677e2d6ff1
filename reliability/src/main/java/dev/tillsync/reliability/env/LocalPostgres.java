package dev.tillsync.reliability.env;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL that outlives the servers under test: crash tests kill server processes, never this.
 * Each scenario gets its own database so runs never see each other's rows.
 */
public final class LocalPostgres implements AutoCloseable {
    private final EmbeddedPostgres pg;
    private final AtomicInteger next = new AtomicInteger();

    private LocalPostgres(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static LocalPostgres start() {
        try {
            return new LocalPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return pg.getPort();
    }

    /** Creates an empty database named {@code prefix_N} and returns its JDBC URL (user postgres, trust auth). */
    public String newDatabase(String prefix) {
        String name = prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + next.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name + "?user=postgres";
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the process is gone either way
        }
    }
}
