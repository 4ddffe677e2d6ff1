package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.FailedRow;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalEvent;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", description = "Push queued transactions and pull master data now, with progress and a summary.")
final class SyncCommand extends Base {
    @Option(names = "--json", description = "Print the summary as JSON (sent, synced, duplicates, failed rows with reasons, error)") boolean json;

    @Override
    int run(PosTerminal pos) {
        SyncSummary s;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Sync").setStyle(ProgressBarStyle.ASCII).setInitialMax(0)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" rows", 1).build()) {
            pos.addListener(e -> {
                if (e instanceof TerminalEvent.SyncProgress p) {
                    bar.maxHint(p.total());
                    bar.stepTo(p.sent());
                    bar.setExtraMessage(p.batches() + " batches");
                }
            });
            s = pos.syncNow().join();
        }
        return print(s, json, out(), err());
    }

    static int print(SyncSummary s, boolean json, java.io.PrintWriter out, java.io.PrintWriter err) {
        if (json) {
            Commands.json(out, s);
        } else {
            // A sync that stopped says so first, on stdout too: "Synced 0 ..." alone reads like "nothing to do".
            if (s.error() != null) out.println("Sync did not complete: " + s.error());
            out.println((s.error() == null ? "" : "Before it stopped: ") + "Synced " + s.synced() + ", duplicates " + s.duplicates()
                    + ", failed " + s.failed().size() + " (" + s.sent() + " rows sent in " + s.batches() + " batches); pulled "
                    + s.pulledChanges() + " changes in " + String.format("%.1f s", s.took().toMillis() / 1000.0));
            for (FailedRow f : s.failed()) {
                out.println("  FAILED seq " + f.seq() + " " + f.ref() + " [" + f.code() + "]: " + f.message() + "  (retry: terminal retry " + f.uuid() + ")");
            }
        }
        if (s.error() != null) {
            err.println("error [sync_incomplete]: " + s.error());
            return TerminalMain.SYNC_INCOMPLETE;
        }
        return s.failed().isEmpty() ? 0 : TerminalMain.SYNC_INCOMPLETE;
    }
}
