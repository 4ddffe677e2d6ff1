package dev.tillsync.core.master;

/** An item category (pull entity {@code category}, key = name); {@code parent} is null at the top of the tree. */
public record CategoryData(String name, String parent, int position, boolean active) {}
