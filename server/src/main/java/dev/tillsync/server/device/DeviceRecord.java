package dev.tillsync.server.device;

import dev.tillsync.core.sync.ConnectionStatus;
import java.util.List;

/** A device as ingest and authentication need it, read fresh in each request. */
public record DeviceRecord(long id, String posId, String invoiceSeries, String customerSeries, long profileId,
                           String profileName, String warehouse, String priceList, List<String> paymentModes, int syncRowsPerRequest,
                           ConnectionStatus status, String profilePlk, String secretHash) {}
