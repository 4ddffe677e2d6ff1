package dev.tillsync.desktop.engine;

import dev.tillsync.terminal.DeviceInfo;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import java.util.Objects;

/**
 * The settings screen's one form over two homes: the printer target and server URL belong to the engine (logged,
 * can_configure_pos), the preview size to this desktop only (DATA/desktop.properties). Only what changed is written.
 */
public final class SettingsBook {
    private final PosTerminal terminal;
    private final DesktopPrefs prefs;

    public SettingsBook(PosTerminal terminal) {
        this.terminal = Objects.requireNonNull(terminal);
        this.prefs = new DesktopPrefs(terminal.dataDir());
    }

    public TillSettings load() {
        DeviceInfo info = terminal.deviceInfo();
        var drawer = terminal.drawer();
        return new TillSettings(info.printerTarget(), info.serverUrl(), prefs.previewSize(),
                drawer.enabled() ? String.valueOf(drawer.pin()) : "off", drawer.onMs() + "/" + drawer.offMs(), terminal.receiptColumns());
    }

    public void save(TillSettings s) {
        if (!terminal.can(Permission.CONFIGURE_POS)) {
            throw new TerminalException("forbidden", "Changing settings needs the can_configure_pos permission.");
        }
        TillSettings before = load();
        if (!Objects.equals(blankToNull(before.serverUrl()), blankToNull(s.serverUrl()))) terminal.setServerUrl(s.serverUrl());
        if (!Objects.equals(blankToNull(before.printerTarget()), blankToNull(s.printerTarget()))) terminal.setPrinterTarget(s.printerTarget());
        boolean pinChanged = s.drawerPin() != null && !s.drawerPin().equals(before.drawerPin());
        boolean pulseChanged = s.drawerPulse() != null && !s.drawerPulse().isBlank() && !s.drawerPulse().trim().equals(before.drawerPulse());
        if (pinChanged || pulseChanged) terminal.setDrawer(pinChanged ? s.drawerPin() : null, pulseChanged ? s.drawerPulse() : null);
        if (s.receiptColumns() != null && !s.receiptColumns().equals(before.receiptColumns())) terminal.setReceiptColumns(s.receiptColumns());
        prefs.previewSize(s.previewSize());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
