package dev.tillsync.terminal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's listeners: a listener's bug must not break recording or syncing, so what it throws is dropped. */
final class TerminalListeners {
    private final List<TerminalListener> listeners = new CopyOnWriteArrayList<>();

    void add(TerminalListener l) {
        listeners.add(l);
    }

    void publish(TerminalEvent e) {
        for (TerminalListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ignored) {
                // a listener's bug must not break recording or syncing
            }
        }
    }
}
