package dev.tillsync.server.console;

/** The import page's result fragment: the outcome and the CSRF token its Apply form carries. */
record ImportResultModel(ImportModel.Result result, String csrf) {}
