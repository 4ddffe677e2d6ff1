package dev.tillsync.terminal;

import static dev.tillsync.terminal.SaleRecordingTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.terminal.store.Counters;
import dev.tillsync.terminal.store.TerminalStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's kept-open connections: all-or-nothing transactions, fresh reads, recovery after a failure, shared by threads. */
class StoreConnectionTest {
    @TempDir
    Path dir;

    private static long counter(TerminalStore s) {
        return s.read(h -> Counters.current(h, Counters.INVOICE));
    }

    @Test
    void readsSeeWhatAnotherConnectionCommittedAndCachedStatementsHoldNoOldSnapshot() {
        try (TerminalStore a = TerminalStore.open(dir); TerminalStore b = TerminalStore.open(dir)) {
            for (int i = 1; i <= 5; i++) {
                long before = counter(b);
                a.useTx(h -> Counters.next(h, Counters.INVOICE));
                assertThat(counter(b)).as("the other store's reader sees the commit at once").isEqualTo(before + 1);
                b.useTx(h -> Counters.next(h, Counters.INVOICE));
                assertThat(counter(a)).isEqualTo(before + 2);
            }
            // No statement left pinning a read snapshot: a full checkpoint can complete (busy = 0).
            int busy = a.read(h -> h.createQuery("pragma wal_checkpoint(FULL)").map((rs, ctx) -> rs.getInt(1)).one());
            assertThat(busy).isZero();
        }
    }

    @Test
    void aRefusalOrAnSqlFailureRollsBackEverythingAndTheStoreKeepsWorking() {
        try (TerminalStore s = TerminalStore.open(dir)) {
            long start = counter(s);
            assertCode(() -> s.useTx(h -> {
                Counters.next(h, Counters.INVOICE);
                throw new TerminalException("refused", "business refusal");
            }), "refused");
            assertThat(counter(s)).isEqualTo(start);
            assertCode(() -> s.useTx(h -> {
                Counters.next(h, Counters.INVOICE);
                h.execute("insert into no_such_table values (1)");
            }), "store_error");
            assertThat(counter(s)).as("rolled back, and the store reconnected for the next call").isEqualTo(start);
            s.useTx(h -> Counters.next(h, Counters.INVOICE));
            assertThat(counter(s)).isEqualTo(start + 1);
            // A call inside a transaction joins it: a failure in it undoes the outer work too.
            assertCode(() -> s.useTx(h -> {
                Counters.next(h, Counters.INVOICE);
                s.useTx(inner -> Counters.next(inner, Counters.INVOICE));
                assertThat(counter(s)).as("reads inside see the transaction's own writes").isEqualTo(start + 3);
                throw new TerminalException("refused", "after nested work");
            }), "refused");
            assertThat(counter(s)).isEqualTo(start + 1);
        }
    }

    @Test
    void threadsShareTheStoreWithoutLosingOrFailingWrites() throws Exception {
        try (TerminalStore s = TerminalStore.open(dir)) {
            long start = counter(s);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> all = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    all.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            s.useTx(h -> Counters.next(h, Counters.INVOICE));
                            counter(s);
                        }
                    }));
                }
                for (Future<?> f : all) f.get();
            } finally {
                pool.shutdown();
            }
            assertThat(counter(s)).isEqualTo(start + 200);
        }
    }
}
