package dev.tillsync.core.sync;

import dev.tillsync.core.master.DeviceConfig;

/** Answer to a link: the device secret (shown once, stored only hashed on the server) and the configuration. */
public record LinkResponse(String posId, String deviceSecret, DeviceConfig config) {}
