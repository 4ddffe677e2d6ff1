package dev.tillsync.terminal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.SharedServer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking over plain http:// warns when the server is not this machine's loopback, and links all the same. The
 * non-loopback case uses an address of this machine's own interfaces, so no traffic leaves it.
 */
class PlainHttpWarningCliTest {
    @TempDir
    Path dir;

    @Test
    void plainHttpToANonLoopbackAddressWarnsAndStillLinks() throws Exception {
        Optional<String> own = ownNonLoopbackIpv4();
        assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address (the rule is covered by the unit case below)");
        SharedServer.Device d = SharedServer.newDevice(50);
        String url = "http://" + own.get() + ":" + SharedServer.get().port();
        Run link = Cli.run(dir, "--timeout", "5", "link", "--server", url, "--code", d.code());
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.err()).contains("warning [plain_http]: Linking over plain http:// to " + own.get()).contains("--tls-self-signed");
        assertThat(link.out()).contains("Linked as " + d.posId());
    }

    @Test
    void plainHttpToLoopbackDoesNotWarn() {
        SharedServer.Device d = SharedServer.newDevice(50);
        Run link = Cli.run(dir, "--timeout", "5", "link", "--server", "http://127.0.0.1:" + SharedServer.get().port(), "--code", d.code());
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.err()).doesNotContain("plain_http");
    }

    @Test
    void theRule() {
        assertThat(PlainHttpWarning.forUrl("http://localhost:8080")).isEmpty();
        assertThat(PlainHttpWarning.forUrl("http://127.0.0.1:8080")).isEmpty();
        assertThat(PlainHttpWarning.forUrl("http://[::1]:8080")).isEmpty();
        assertThat(PlainHttpWarning.forUrl("https://192.168.1.10:8443")).isEmpty();
        assertThat(PlainHttpWarning.forUrl("http://192.168.1.10:8080")).get().asString().contains("unencrypted");
    }

    static Optional<String> ownNonLoopbackIpv4() throws Exception {
        for (NetworkInterface nif : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) continue;
            for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.of(a.getHostAddress());
            }
        }
        return Optional.empty();
    }
}
