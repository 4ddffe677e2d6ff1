package dev.tillsync.terminal;

/** Receives engine events; must return quickly (hand work to the UI thread). */
@FunctionalInterface
public interface TerminalListener {
    void onEvent(TerminalEvent event);
}
