package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.UploadResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "upload", description = "Upload an export file to the server's import (when online); needs can_export_log.")
final class UploadCommand extends Base {
    @Parameters(index = "0", description = "An export file written by terminal export") Path file;

    @Override
    int run(PosTerminal pos) {
        UploadResult r = pos.upload(file);
        out().println("Uploaded " + file + ": " + r.accepted() + " accepted, " + r.duplicates() + " duplicates, " + r.rejected() + " rejected.");
        return r.rejected() == 0 ? 0 : TerminalMain.SYNC_INCOMPLETE;
    }
}
