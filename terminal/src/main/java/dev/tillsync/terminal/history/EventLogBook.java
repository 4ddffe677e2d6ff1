package dev.tillsync.terminal.history;

import dev.tillsync.core.json.Json;
import dev.tillsync.terminal.LogEntry;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reading the event log back: the newest entries, or the whole log as JSON lines oldest first (the export itself is logged). */
public final class EventLogBook {
    private final TerminalStore store;
    private final Clock clock;

    public EventLogBook(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<LogEntry> latest(int limit) {
        return store.read(h -> EventLog.list(h, limit));
    }

    /** Writes every entry, oldest first, one JSON object a line; returns how many. */
    public int writeJsonLines(Path out) {
        List<LogEntry> entries = new ArrayList<>(latest(Integer.MAX_VALUE));
        Collections.reverse(entries);
        var mapper = Json.mapper();
        try (Writer w = Files.newBufferedWriter(out)) {
            for (LogEntry e : entries) {
                w.write(mapper.writeValueAsString(e));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new TerminalException("export_failed", "Cannot write " + out + ": " + e.getMessage(), e);
        }
        store.useTx(h -> EventLog.append(h, clock.instant(), "log_export", out.toString(), "entries=" + entries.size()));
        return entries.size();
    }
}
