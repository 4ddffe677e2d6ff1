package dev.tillsync.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps the HTTP server's wire traces out of every log, whatever level a logger is switched to: below INFO, Jetty
 * prints each request and answer header verbatim, and those carry a till's device credential ({@code Authorization:
 * Device ...}), back-office bearer tokens and the console's session cookie. An operator who truly needs a wire trace
 * replaces the whole configuration ({@code -Dlogback.configurationFile}) and so decides that knowingly.
 */
public final class WireTraceGuard extends TurboFilter {
    private static final String JETTY = "org.eclipse.jetty";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != null && !level.isGreaterOrEqual(Level.INFO) && logger.getName().startsWith(JETTY)) return FilterReply.DENY;
        return FilterReply.NEUTRAL;
    }
}
