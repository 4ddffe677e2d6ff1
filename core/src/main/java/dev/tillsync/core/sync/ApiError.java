package dev.tillsync.core.sync;

/** Every HTTP error body: {@code { "error": code, "message": text }}. */
public record ApiError(String error, String message) {}
