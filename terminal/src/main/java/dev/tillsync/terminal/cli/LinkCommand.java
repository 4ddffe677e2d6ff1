package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalEvent;
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

    @Override
    int run(PosTerminal pos) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Pulling master data").setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(1).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            pos.addListener(e -> {
                if (e instanceof TerminalEvent.PullProgress p) {
                    bar.maxHint(p.applied() + p.remaining());
                    bar.stepTo(p.applied());
                }
            });
            LinkResult r = pos.link(server, code, label);
            out().println("Linked as " + r.posId() + " to " + server + "; " + r.changesPulled() + " master-data changes pulled.");
            if (r.pullError() != null) {
                err().println("warning [first_pull_failed]: " + r.pullError() + " Run: terminal sync");
                return TerminalMain.SYNC_INCOMPLETE;
            }
            return 0;
        }
    }
}
