package dev.tillsync.core.master;

import dev.tillsync.core.sync.ConnectionStatus;
import java.time.Instant;

/**
 * The device's own "POS Offline" record as the terminal needs it (pull entity {@code device}).
 *
 * @param invoiceSeries  prefix of invoice numbers, e.g. "POS-0007-"; numbers are prefix + 6-digit counter
 * @param customerSeries prefix of customer numbers, e.g. "CUST-0007-"; prefix + 5-digit counter
 * @param profileKey     profile_plk: derived from the POS profile's id and version
 */
public record DeviceConfig(String posId, String invoiceSeries, String customerSeries, String posProfile,
                           int syncRowsPerRequest, ConnectionStatus connectionStatus, Instant lastSync,
                           String description, String profileKey) {}
