package dev.tillsync.bench.report;

import java.util.ArrayList;
import java.util.List;

/** What one benchmark produced: its tables, its headline figures by name, and notes saying what was measured. */
public final class BenchReport {
    private final String name;
    private final List<TextTable> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final java.util.Map<String, Double> figures = new java.util.LinkedHashMap<>();

    public BenchReport(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public BenchReport table(TextTable t) {
        tables.add(t);
        return this;
    }

    public BenchReport note(String n) {
        notes.add(n);
        return this;
    }

    public BenchReport figure(String key, double value) {
        figures.put(key, value);
        return this;
    }

    public List<TextTable> tables() {
        return List.copyOf(tables);
    }

    public java.util.Map<String, Double> figures() {
        return java.util.Collections.unmodifiableMap(figures);
    }

    public String render() {
        StringBuilder sb = new StringBuilder("== ").append(name).append(" ==\n");
        for (TextTable t : tables) sb.append(t.render()).append('\n');
        for (String n : notes) sb.append("* ").append(n).append('\n');
        return sb.toString();
    }
}
