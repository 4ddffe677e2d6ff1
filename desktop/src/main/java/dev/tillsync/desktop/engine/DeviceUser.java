package dev.tillsync.desktop.engine;

/** A user who may unlock this device, as the login screen lists them. */
public record DeviceUser(String email, String displayName) {}
