package dev.tillsync.terminal.tls;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule behind the plain-http warning at link: {@code http://} to any host but this machine's loopback sends the
 * link code and then the device secret and every sale unencrypted over the shop's network. It warns, never refuses:
 * a closed shop LAN may be a choice.
 */
public final class PlainHttpWarning {
    private PlainHttpWarning() {}

    /** The warning for linking to {@code serverUrl}, or empty (https, or loopback). */
    public static Optional<String> forUrl(String serverUrl) {
        URI u;
        try {
            u = URI.create(serverUrl.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the link refuses the URL itself
        }
        if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || isLoopback(u.getHost())) return Optional.empty();
        return Optional.of("Linking over plain http:// to " + u.getHost() + ": the link code, the device secret and every sale cross the "
                + "network unencrypted. Run the server with HTTPS (bin/pos server --tls-self-signed, or --tls-cert/--tls-key) and link "
                + "with its https:// URL and --fingerprint; linking anyway.");
    }

    /** Loopback by name or literal; a name is resolved (the hosts file, no traffic sent) to catch aliases of 127.0.0.1. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) if (!a.isLoopbackAddress()) return false;
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
