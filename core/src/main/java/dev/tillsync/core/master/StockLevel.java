package dev.tillsync.core.master;

/** Server's stock of an item in the profile's warehouse, as of the change. */
public record StockLevel(String itemCode, String warehouse, long qty) {}
