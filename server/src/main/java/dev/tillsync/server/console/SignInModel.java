package dev.tillsync.server.console;

/** The sign-in form: the email as typed (kept after a wrong password) and why the last try failed, if it did. */
record SignInModel(String email, String error) {}
