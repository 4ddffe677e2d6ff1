package dev.tillsync.core.export;

import java.time.Instant;

/**
 * First line of an export file.
 *
 * @param format          always {@value ExportFile#FORMAT}
 * @param version         file format version, {@value ExportFile#VERSION}
 * @param seqFrom         lowest device sequence in the file
 * @param seqTo           highest device sequence in the file
 * @param count           number of rows that follow
 * @param invoiceCount    rows of kind invoice
 * @param grandTotalMinor sum of the invoices' grand totals
 */
public record ExportHeader(String format, int version, String posId, long seqFrom, long seqTo, int count,
                           int invoiceCount, long grandTotalMinor, Instant createdAt) {}
