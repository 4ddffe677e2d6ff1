package dev.tillsync.server.console;

/** A freshly issued link code, shown once, with its QR code as a data: URI (never at a fetchable URL). */
record LinkCodeModel(Frame frame, String posId, String code, String qrDataUri, String validUntil, String server) {

    String posIdUrl() {
        return Format.url(posId);
    }
}
