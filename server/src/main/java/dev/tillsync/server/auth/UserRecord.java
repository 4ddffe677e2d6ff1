package dev.tillsync.server.auth;

/** A server user as the API shows it (never with hashes). */
public record UserRecord(long id, String email, String role, String firstName, String lastName, boolean hasPin) {}
