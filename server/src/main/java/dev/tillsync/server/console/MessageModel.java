package dev.tillsync.server.console;

/** A page that only says why something was not done: a heading, the reason, and maybe a link back to the form. */
record MessageModel(Frame frame, String heading, String text, boolean backLink) {}
