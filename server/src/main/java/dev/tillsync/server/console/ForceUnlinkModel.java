package dev.tillsync.server.console;

/** The confirmation asked before a force unlink, which stops the device's secret at once. */
record ForceUnlinkModel(Frame frame, String posId, String connectionStatus) {

    String posIdUrl() {
        return Format.url(posId);
    }
}
