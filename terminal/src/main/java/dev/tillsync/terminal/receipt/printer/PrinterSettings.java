package dev.tillsync.terminal.receipt.printer;

import org.jdbi.v3.core.Handle;

/** The till's own printer-side settings in till_setting (the target itself stays in device.printer_target). */
public final class PrinterSettings {
    static final String DRAWER = "drawer";

    private PrinterSettings() {}

    /** The drawer as set here; {@link DrawerSetting#DEFAULT} until someone sets it. */
    public static DrawerSetting drawer(Handle h) {
        return h.createQuery("select value from till_setting where key = :k").bind("k", DRAWER).mapTo(String.class).findOne()
                .map(PrinterSettings::readDrawer).orElse(DrawerSetting.DEFAULT);
    }

    public static void setDrawer(Handle h, DrawerSetting d) {
        h.createUpdate("insert into till_setting (key, value) values (:k, :v) on conflict (key) do update set value = excluded.value")
                .bind("k", DRAWER).bind("v", d.pin() + ":" + d.onMs() + "/" + d.offMs()).execute();
    }

    private static DrawerSetting readDrawer(String v) {
        String[] p = v.split(":", 2);
        return new DrawerSetting(Integer.parseInt(p[0]), 50, 500).withPulse(p[1]);
    }
}
