package dev.tillsync.server.console;

import java.util.List;

/** The settings page: the shop's time zone and the IANA zones to pick from. */
record SettingsModel(Frame frame, String notice, String error, String timeZone, List<String> zones, boolean canWrite) {}
