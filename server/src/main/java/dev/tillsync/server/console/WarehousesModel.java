package dev.tillsync.server.console;

import dev.tillsync.server.stock.Warehouses;
import java.util.List;

/** The warehouses page: each with its items in stock and the profiles selling from it; create one, enable or disable one. */
record WarehousesModel(Frame frame, String notice, String error, List<Warehouses.Warehouse> warehouses, String draftName, boolean canWrite) {}
