package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.UserSession;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", description = "Log in with email and PIN (checked offline); the session lasts until logout.")
final class LoginCommand extends Base {
    @Option(names = "--user", required = true, description = "Your email, as the back office knows it (a user of this device)") String user;
    @Option(names = "--pin", required = true, interactive = false, description = "Your PIN (4-8 digits), checked offline against the synced hash") String pin;

    @Override
    int run(PosTerminal pos) {
        UserSession s = pos.login(user, pin);
        out().println("Logged in: " + s.displayName() + " <" + s.email() + ">" + (s.permissions().isEmpty() ? ""
                : " — may " + s.permissions().stream().map(Permission::flag).sorted().collect(Collectors.joining(", "))));
        return 0;
    }
}
