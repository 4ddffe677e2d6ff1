package dev.tillsync.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** The classification of database failures and the fail-fast circuit; the end-to-end run is reliability's DatabaseOutageTest. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAreUnreachableAndAPoolTimeoutWithoutOneIsExhaustion() {
        assertThat(DatabaseFailure.of(new ConnectionException(new SQLException("refused", "08001")))).contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))))
                .contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new SQLTransientConnectionException("request timed out", "08001", new ConnectException("refused"))))
                .contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new SQLTransientConnectionException("tillsync - Connection is not available, request timed out after 5000ms")))
                .contains(DatabaseFailure.POOL_EXHAUSTED);
        // a constraint violation or a bug is the request's own failure: a 500, never a 503 the till would retry forever
        assertThat(DatabaseFailure.of(new RuntimeException(new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(DatabaseFailure.of(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void whileDownConnectionsFailAtOnceAndTheProbeEndsTheOutage() throws Exception {
        AtomicBoolean databaseUp = new AtomicBoolean(false);
        AtomicInteger poolCalls = new AtomicInteger();
        DataSource pool = new FakePool(() -> {
            poolCalls.incrementAndGet();
            if (!databaseUp.get()) throw new SQLTransientConnectionException("timed out", "08001", new ConnectException("Connection refused"));
            return null;
        });
        DatabaseOutage outage = new DatabaseOutage(databaseUp::get, Duration.ofMillis(20), Clock.systemUTC());
        GuardedDataSource guarded = new GuardedDataSource(pool, outage);

        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(outage.isDown()).isTrue();
        for (int i = 0; i < 100; i++) assertThatThrownBy(guarded::getConnection).isInstanceOf(DatabaseUnreachableException.class);
        assertThat(poolCalls.get()).as("no request waits on the pool while the database is known down").isEqualTo(1);

        databaseUp.set(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (outage.isDown() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(outage.isDown()).as("the probe saw the database back").isFalse();
        guarded.getConnection();
        assertThat(poolCalls.get()).isEqualTo(2);
        outage.close();
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    private record FakePool(Opener opener) implements DataSource {
        @Override public Connection getConnection() throws SQLException { return opener.open(); }
        @Override public Connection getConnection(String u, String p) throws SQLException { return opener.open(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return Logger.getGlobal(); }
        @Override public <T> T unwrap(Class<T> iface) { return null; }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
