package dev.tillsync.server.console;

/** The sign-in form: the email as typed (kept after a wrong password), why the last try failed, if it did, and the form's CSRF token. */
record SignInModel(String email, String error, String csrf) {}
