package dev.tillsync.core.sync;

/**
 * What the server holds of a device's own numbering (invariant 2 holds only while the till counts on from these):
 * the highest sequence number it has received from the device and the highest invoice number of the device's
 * series. A till whose data folder was restored from an older copy counts from behind these; told them, it moves
 * its counters past them before its next sale. Sent only to a till that asks for it ({@link SyncHeaders#FEATURES}).
 *
 * @param seq           highest sequence received from the device (accepted or refused), 0 when none
 * @param invoiceNumber highest invoice number of the device's series received, or null when none
 */
public record HighWater(long seq, String invoiceNumber) {}
