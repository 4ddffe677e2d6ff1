package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.tls.PlainHttpWarning;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "link", description = "Redeem a link code from the back office, store the device secret, pull all master data.")
final class LinkCommand extends Base {
    @Option(names = "--server", required = true, description = "Server URL, e.g. http://192.168.1.10:8080") String server;
    @Option(names = "--code", required = true, description = "One-time link code from the back office") String code;
    @Option(names = "--label", defaultValue = "tillsync terminal", description = "Free-text label for this device") String label;
    @Option(names = "--fingerprint", paramLabel = "sha256:HEX", description = "The server certificate's fingerprint (the console's link-code "
            + "page shows it): the till trusts only that certificate from now on. Needs an https:// server URL.") String fingerprint;

    private ProgressBar bar; // drawn from the first pull page on: a refused link (already linked, bad code) draws none

    @Override
    int run(PosTerminal pos) {
        LinkResult r;
        try {
            pos.addListener(e -> {
                if (e instanceof TerminalEvent.PullProgress p) progress(p);
            });
            PlainHttpWarning.forUrl(server).ifPresent(w -> err().println("warning [plain_http]: " + w));
            r = pos.link(server, code, label, fingerprint);
        } finally {
            closeBar(); // before "Linked as": the bar's last line ends first, nothing is printed into it
        }
        out().println("Linked as " + r.posId() + " to " + server + "; " + r.changesPulled() + " master-data changes pulled.");
        pos.serverPin().ifPresent(p -> out().println("Server certificate pinned: " + p));
        if (r.pullError() != null) {
            err().println("warning [first_pull_failed]: " + r.pullError() + " Run: terminal sync");
            return TerminalMain.SYNC_INCOMPLETE;
        }
        return 0;
    }

    private synchronized void progress(TerminalEvent.PullProgress p) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("Pulling master data").setStyle(ProgressBarStyle.ASCII).setInitialMax(1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        bar.maxHint(p.applied() + p.remaining());
        bar.stepTo(p.applied());
    }

    private synchronized void closeBar() {
        if (bar != null) bar.close();
        bar = null;
    }
}
