package dev.tillsync.core.payload;

import java.time.Instant;

/** Outbox payload of kind {@code customer}: a customer created on the terminal, numbered from its customer series. */
public record CustomerPayload(String number, String name, String phone, String email, Instant createdAt) {}
