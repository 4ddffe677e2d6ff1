package dev.tillsync.server.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The one form of review_reasons (a JSON array of sentences): written by the sync-status ledger, read by it and
 * by the reports. A value that is not such an array is read as it is, one reason, rather than hidden: a person
 * reviews these.
 */
public final class ReviewReasons implements ColumnMapper<List<String>> {
    public static final GenericType<List<String>> TYPE = new GenericType<>() {};

    private final ObjectMapper json = Json.mapper();

    @Override
    public List<String> map(ResultSet rs, int column, StatementContext ctx) throws SQLException {
        return parse(rs.getString(column));
    }

    public String write(List<String> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> parse(String s) {
        if (s == null) return List.of();
        try {
            return json.readValue(s, new TypeReference<List<String>>() {});
        } catch (Exception e) {
            return List.of(s);
        }
    }
}
