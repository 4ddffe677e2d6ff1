package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** After the server's certificate was renewed: pins the new one, once the server is seen presenting it. */
@Command(name = "trust", description = "Pin the server's renewed certificate (the console's link-code page shows its fingerprint); needs can_configure_pos.")
final class TrustCommand extends Base {
    @Option(names = "--fingerprint", required = true, paramLabel = "sha256:HEX",
            description = "The fingerprint of the server's new certificate, checked with the manager") String fingerprint;

    @Override
    int run(PosTerminal pos) {
        String pinned = pos.trustServerCertificate(fingerprint);
        out().println("Server certificate pinned: " + pinned + ". Unsent transactions are sent on the next sync.");
        return 0;
    }
}
