package dev.tillsync.terminal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last JSON text read for one stored document (device config, POS profile) and its parsed value: every sale
 * reads these, and they change only on a pull, so parsing them again each time is wasted work.
 */
final class ParsedJson<T> {
    private record Entry<T>(String json, T value) {}

    private final ObjectMapper mapper;
    private final Class<T> type;
    private final AtomicReference<Entry<T>> last = new AtomicReference<>();

    ParsedJson(ObjectMapper mapper, Class<T> type) {
        this.mapper = mapper;
        this.type = type;
    }

    T read(String json) throws JsonProcessingException {
        Entry<T> e = last.get();
        if (e != null && e.json().equals(json)) return e.value();
        T value = mapper.readValue(json, type);
        last.set(new Entry<>(json, value));
        return value;
    }
}
