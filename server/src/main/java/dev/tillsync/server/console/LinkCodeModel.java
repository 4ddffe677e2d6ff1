package dev.tillsync.server.console;

/**
 * A freshly issued link code, shown once, with its QR code as a data: URI (never at a fetchable URL); under TLS the
 * server certificate's fingerprint too (null on plain HTTP), whole for the command and grouped for a person to compare.
 */
record LinkCodeModel(Frame frame, String posId, String code, String qrDataUri, String validUntil, String server,
                     String fingerprint, String fingerprintGrouped) {

    String posIdUrl() {
        return Format.url(posId);
    }
}
