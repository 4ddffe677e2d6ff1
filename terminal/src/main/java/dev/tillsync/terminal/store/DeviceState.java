package dev.tillsync.terminal.store;

import dev.tillsync.core.master.DeviceConfig;
import dev.tillsync.core.sync.ConnectionStatus;

/** The linked device as stored: who it is, where its server is, its configuration and link status. */
public record DeviceState(String posId, String serverUrl, ConnectionStatus connectionStatus, DeviceConfig config,
                          String printerTarget) {}
