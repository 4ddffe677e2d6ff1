package dev.tillsync.bench.env;

import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.ConnectivityMonitor;
import dev.tillsync.terminal.sync.ServerClient;
import dev.tillsync.terminal.sync.SyncEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Linking and opening terminal engines for benchmarks, always through the engine's own entry points. */
public final class BenchTerminal {
    private BenchTerminal() {}

    /** Links a fresh data folder to {@code posId}, pulls master data, logs the demo cashier in and opens a shift. */
    public static PosTerminal linkAndOpen(BenchServer server, String posId, Path dataDir) {
        PosTerminal pos = PosTerminal.open(dataDir);
        LinkResult r = pos.link(server.baseUrl(), server.admin().issueLinkCode(posId), "bench");
        if (r.pullError() != null) throw new IllegalStateException("first pull of " + posId + " failed: " + r.pullError());
        pos.login(BenchServer.CASHIER, BenchServer.PIN);
        if (pos.currentShift().isEmpty()) pos.openShift(10_000, null);
        return pos;
    }

    /** The sellable items this terminal knows, by code. */
    public static List<Item> items(PosTerminal pos, List<String> codes) {
        List<Item> out = new ArrayList<>();
        for (String c : codes) pos.findItem(c).ifPresent(out::add);
        if (out.isEmpty()) throw new IllegalStateException("the terminal has none of the bench items");
        return out;
    }

    /**
     * The engine's commit path without the receipt: SaleRecorder on the same store file (the store is
     * designed to be shared by several handles: CLI and engine).
     */
    public static SaleRecorder commitOnly(Path dataDir) {
        return new SaleRecorder(TerminalStore.open(dataDir), Clock.systemUTC());
    }

    /** Pull only (no push): lets a terminal learn a new device configuration before a timed push. */
    public static int pullOnly(Path dataDir) {
        TerminalStore store = TerminalStore.open(dataDir);
        String secret = secret(dataDir);
        Duration t = Duration.ofSeconds(60);
        var clients = (java.util.function.Function<dev.tillsync.terminal.store.DeviceState, ServerClient>)
                d -> new ServerClient(d.serverUrl(), d.posId(), secret, t, Duration.ofSeconds(2));
        ConnectivityMonitor monitor = new ConnectivityMonitor(store, Clock.systemUTC(), Optional::empty, e -> { }, Duration.ofHours(1), Duration.ofHours(1));
        return new SyncEngine(store, Clock.systemUTC(), clients, e -> { }, monitor).firstPull();
    }

    /** The device secret the engine stored at linking. */
    public static String secret(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("device.secret")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no device secret in " + dataDir, e);
        }
    }

    /** The SQLite file and its WAL, in bytes. */
    public static long storeBytes(Path dataDir) {
        long n = 0;
        for (String f : List.of(TerminalStore.FILE_NAME, TerminalStore.FILE_NAME + "-wal", TerminalStore.FILE_NAME + "-shm")) {
            n += dataDir.resolve(f).toFile().length();
        }
        return n;
    }
}
