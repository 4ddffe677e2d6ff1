package dev.tillsync.terminal;

/** A customer known to the terminal; {@code createdHere} when numbered from this device's series. */
public record Customer(String number, String name, String phone, String email, boolean createdHere) {}
