package dev.tillsync.terminal;

/** A customer to add on the terminal; phone and email are optional. */
public record NewCustomer(String name, String phone, String email) {}
