package dev.tillsync.core.master;

/**
 * A customer; {@code number} comes from the numbering series of the device (or back office) that made it.
 * {@code taxNumber} and {@code priceList} (the list the customer buys at, null = the profile's) reach only a till that
 * sends the {@code master-v2} feature.
 */
public record CustomerData(String number, String name, String phone, String email, String taxNumber, String priceList) {
    /** The previous release's form. */
    public CustomerData(String number, String name, String phone, String email) {
        this(number, name, phone, email, null, null);
    }
}
