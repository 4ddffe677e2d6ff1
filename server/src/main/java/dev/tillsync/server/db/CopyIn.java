package dev.tillsync.server.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows for one table, sent with PostgreSQL {@code COPY ... FROM STDIN (FORMAT csv)} inside the handle's
 * transaction: one round trip and no per-value bind work, for the thousands of lines a catch-up batch writes.
 * Invariant: every text value is quoted (so an empty string stays empty) and null is the unquoted empty field.
 */
public final class CopyIn {
    private final String table;
    private final String sql;
    private final int columns;
    private final StringBuilder csv = new StringBuilder(4096);
    private int inRow;
    private int rows;

    private CopyIn(String table, String[] columns) {
        this.table = table;
        this.columns = columns.length;
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
    }

    public static CopyIn into(String table, String... columns) {
        return new CopyIn(table, columns);
    }

    public CopyIn text(String value) {
        separate();
        if (value != null) {
            csv.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') csv.append('"');
                csv.append(c);
            }
            csv.append('"');
        }
        return this;
    }

    public CopyIn number(long value) {
        separate();
        csv.append(value);
        return this;
    }

    /** A number, or SQL null when {@code value} is null. */
    public CopyIn numberOrNull(Long value) {
        separate();
        if (value != null) csv.append(value.longValue());
        return this;
    }

    public CopyIn time(Instant value) {
        separate();
        if (value != null) csv.append(value);
        return this;
    }

    public CopyIn endRow() {
        if (inRow != columns) throw new IllegalStateException("row " + (rows + 1) + " for " + table + " has " + inRow + " values, not " + columns);
        csv.append('\n');
        inRow = 0;
        rows++;
        return this;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** Copies the rows in; returns how many PostgreSQL stored. */
    public long execute(Handle h) {
        if (inRow != 0) throw new IllegalStateException("the last row for " + table + " was not ended");
        if (rows == 0) return 0;
        try {
            return h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of " + rows + " rows into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private void separate() {
        if (inRow > 0) csv.append(',');
        inRow++;
    }
}
