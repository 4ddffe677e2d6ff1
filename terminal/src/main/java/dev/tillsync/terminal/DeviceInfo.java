package dev.tillsync.terminal;

import java.time.Instant;

/**
 * Who this device is and how far its queue has got, for a settings or about screen. Before linking every
 * identity field is null and {@code linkStatus} is "Not linked".
 *
 * @param invoiceSeries  prefix of this device's invoice numbers, e.g. POS-0001-
 * @param customerSeries prefix of the customers it numbers, e.g. CUST-0001-
 * @param linkStatus     "Not linked", "Linked", "Unlink in progress" or "Unlinked"
 * @param printerTarget  where ESC/POS bytes go (device, file or folder); null for the default receipts folder
 * @param lastSync       when the last sync finished without error; null if never
 */
public record DeviceInfo(String posId, String serverUrl, String invoiceSeries, String customerSeries, String posProfile,
                         String linkStatus, String printerTarget, Instant lastSync,
                         long pending, long syncing, long failed, long synced) {}
