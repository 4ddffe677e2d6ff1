package dev.tillsync.core.master;

/** A customer; {@code number} comes from the numbering series of the device (or back office) that made it. */
public record CustomerData(String number, String name, String phone, String email) {}
