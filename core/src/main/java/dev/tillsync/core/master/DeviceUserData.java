package dev.tillsync.core.master;

/**
 * A POS Offline User of this device, with the bcrypt hash of the PIN so the terminal can check it offline,
 * and the seed's three flags.
 */
public record DeviceUserData(String email, String firstName, String lastName, String pinHash,
                             boolean canConfigurePos, boolean canExportLog, boolean canReprint) {}
