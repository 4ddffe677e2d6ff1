package dev.tillsync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One master-data change in a pull page. {@code entity} names the record type (see {@link Entities});
 * {@code data} is that type's JSON (null when {@code deleted}).
 */
public record Change(String entity, String key, boolean deleted, JsonNode data) {}
