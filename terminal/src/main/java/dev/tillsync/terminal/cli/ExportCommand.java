package dev.tillsync.terminal.cli;

import dev.tillsync.core.money.Money;
import dev.tillsync.terminal.ExportRange;
import dev.tillsync.terminal.ExportResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Write unsynced transactions (or a range) to a signed export file; needs can_export_log.")
final class ExportCommand extends Base {
    @Option(names = "--out", description = "File to write") Path out;
    @Option(names = "--since", description = "A sequence number or an ISO date/instant (exports that range whatever its status)") String since;
    @Option(names = "--mark-uploaded", description = "Record that this export file was uploaded to the back office") Path uploaded;

    @Override
    int run(PosTerminal pos) {
        if (uploaded != null) {
            pos.markUploaded(uploaded);
            out().println(uploaded + " marked as uploaded.");
            return 0;
        }
        if (out == null) throw new TerminalException("usage", "Give the file to write with --out FILE.");
        ExportResult r = pos.export(out, range());
        out().println("Exported " + r.rows() + " transactions (seq " + r.seqFrom() + ".." + r.seqTo() + ", " + r.invoices()
                + " invoices totalling " + Money.format(r.grandTotalMinor()) + ") to " + r.file());
        out().println(pos.isLinked() ? "Upload it in the back office, or: terminal upload " + r.file()
                : "This till is unlinked, so it cannot upload: the back office imports the file (bin/pos server admin import "
                        + r.file().getFileName() + ", or the console's Upload page).");
        return 0;
    }

    private ExportRange range() {
        if (since == null) return ExportRange.unsynced();
        if (since.matches("\\d+")) return new ExportRange(Long.parseLong(since), null);
        try {
            return new ExportRange(null, Instant.parse(since));
        } catch (DateTimeParseException e) {
            try {
                return new ExportRange(null, LocalDate.parse(since).atStartOfDay(ZoneId.systemDefault()).toInstant());
            } catch (DateTimeParseException e2) {
                throw new TerminalException("bad_since", "--since '" + since + "' is neither a sequence number nor an ISO date (2025-03-01).");
            }
        }
    }
}
