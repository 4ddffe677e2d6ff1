package dev.tillsync.terminal.store;

/**
 * Named points where crash tests stop the real program: with the system property
 * {@code tillsync.fault=NAME:sleep:MILLIS} the process announces {@code FAULT-POINT NAME} on stderr and
 * pauses there (inside the open transaction), so a test can kill -9 it at exactly that instant.
 * Without the property this does nothing.
 */
public final class FaultPoint {
    public static final String PROPERTY = "tillsync.fault";

    private FaultPoint() {}

    public static void reach(String name) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || !spec.startsWith(name + ":")) return;
        String[] parts = spec.split(":");
        if (parts.length == 3 && parts[1].equals("sleep")) {
            System.err.println("FAULT-POINT " + name);
            System.err.flush();
            try {
                Thread.sleep(Long.parseLong(parts[2]));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
