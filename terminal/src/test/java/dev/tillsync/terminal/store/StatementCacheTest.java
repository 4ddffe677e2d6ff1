package dev.tillsync.terminal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.Test;

/** Statements with named parameters are prepared once per connection and reused, through JDBI's own calls. */
class StatementCacheTest {
    @Test
    void aStatementWithNamedParametersIsPreparedOnceAndReused() {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite::memory:");
        try (Handle h = jdbi.open()) {
            h.setStatementBuilder(new StatementCache());
            List<PreparedStatement> used = new ArrayList<>();
            h.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                    used.add(stmt);
                }
            });
            h.execute("create table t (a integer, b text)");
            used.clear();
            for (int i = 0; i < 3; i++) {
                h.createUpdate("insert into t (a, b) values (:a, :b)").bind("a", i).bind("b", "x" + i).execute();
            }
            for (int i = 0; i < 3; i++) {
                assertThat(h.createQuery("select b from t where a = :a").bind("a", i).mapTo(String.class).one()).isEqualTo("x" + i);
            }
            assertThat(used).hasSize(6);
            assertThat(used.subList(0, 3)).allSatisfy(s -> assertThat(s).isSameAs(used.get(0)));
            assertThat(used.subList(3, 6)).allSatisfy(s -> assertThat(s).isSameAs(used.get(3)));
            assertThat(used.get(3)).isNotSameAs(used.get(0));
        }
    }

    @Test
    void nestedUseOfTheSameSqlGetsItsOwnStatementAndClosingTheConnectionClosesAll() throws SQLException {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite::memory:");
        try (Handle h = jdbi.open()) {
            StatementCache cache = new StatementCache();
            String sql = "select ?";
            PreparedStatement outer = cache.create(h.getConnection(), sql, null);
            PreparedStatement inner = cache.create(h.getConnection(), sql, null);
            assertThat(inner).isNotSameAs(outer);
            cache.close(h.getConnection(), "select :x", inner);
            assertThat(cache.create(h.getConnection(), sql, null)).isSameAs(inner);
            cache.close(h.getConnection());
            assertThat(outer.isClosed()).isTrue();
            assertThat(inner.isClosed()).isTrue();
        }
    }
}
