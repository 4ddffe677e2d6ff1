package dev.tillsync.terminal;

import java.util.Set;

/**
 * A POS Offline User of this device as a login picker shows it. Deliberately carries no PIN hash: the hash
 * stays inside the engine, which alone checks PINs.
 *
 * @param displayName "First Last", or the email when the user has no name
 * @param permissions the flags (can_configure_pos, can_export_log, can_reprint) the user holds
 */
public record DeviceUserInfo(String email, String firstName, String lastName, String displayName, Set<Permission> permissions) {
    public DeviceUserInfo {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission p) {
        return permissions.contains(p);
    }
}
