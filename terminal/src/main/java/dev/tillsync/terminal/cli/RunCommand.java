package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.FolderClaim;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalEvent;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(name = "run", aliases = "watch", description = {"Stay running: watch connectivity, sync automatically when the line is back. Ctrl-C to stop.",
        "Drives the till: until it stops, other terminal commands and the desktop on this data folder are refused."})
final class RunCommand extends Base {
    /** Holds the till while it runs: a second driver or a one-shot command on the folder is refused, naming this one. */
    @Override
    FolderClaim claim() {
        return FolderClaim.driver(spec.qualifiedName());
    }

    @Override
    int run(PosTerminal pos) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        pos.addListener(e -> {
            if (e instanceof TerminalEvent.ConnectivityChanged c) {
                out().println(Commands.time(c.at()) + " " + (c.online() ? "ONLINE" : "OFFLINE") + " (" + c.reason() + ")");
            } else if (e instanceof TerminalEvent.SyncFinished f) {
                out().println(Commands.time(java.time.Instant.now()) + " sync: synced " + f.summary().synced()
                        + ", duplicates " + f.summary().duplicates() + ", failed " + f.summary().failed().size() + ", pulled "
                        + f.summary().pulledChanges() + (f.summary().error() == null ? "" : " — stopped: " + f.summary().error()));
            } else if (e instanceof TerminalEvent.UnlinkStateChanged u) {
                out().println("link status: " + u.status().label());
            }
        });
        pos.startBackground();
        out().println("Watching " + pos.status().serverUrl() + " (Ctrl-C to stop)");
        stop.await();
        return 0;
    }
}
