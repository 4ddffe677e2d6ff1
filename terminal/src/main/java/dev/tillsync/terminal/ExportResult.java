package dev.tillsync.terminal;

import java.nio.file.Path;

/** An export file written: which rows, how many invoices, their total. */
public record ExportResult(Path file, int rows, long seqFrom, long seqTo, int invoices, long grandTotalMinor) {}
