package dev.tillsync.server.stock;

import dev.tillsync.server.master.StockVouchers;
import dev.tillsync.server.refusal.Refusal;
import java.util.Arrays;

/** The four movements a manager makes, each with its ledger voucher type (StockVouchers) and voucher-number prefix. */
public enum MovementType {
    RECEIPT("receipt", StockVouchers.RECEIPT, "REC"),
    ADJUSTMENT("adjustment", StockVouchers.ADJUSTMENT, "ADJ"),
    STOCKTAKE("stocktake", StockVouchers.STOCKTAKE, "STK"),
    TRANSFER("transfer", StockVouchers.TRANSFER, "TRF");

    private final String code;
    private final String voucherType;
    private final String prefix;

    MovementType(String code, String voucherType, String prefix) {
        this.code = code;
        this.voucherType = voucherType;
        this.prefix = prefix;
    }

    public String code() {
        return code;
    }

    /** "a receipt", "an adjustment": for messages. */
    public String withArticle() {
        return (this == ADJUSTMENT ? "an " : "a ") + code;
    }

    /** The name a manager reads: Receipt, Adjustment, Stocktake, Transfer. */
    public String label() {
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    public String voucherType() {
        return voucherType;
    }

    String voucherNo(long n) {
        return prefix + "-" + String.format("%06d", n);
    }

    public static MovementType parse(String type) {
        String t = type == null ? "" : type.trim();
        return Arrays.stream(values()).filter(v -> v.code.equalsIgnoreCase(t)).findFirst()
                .orElseThrow(() -> Refusal.invalid("invalid_type", "Movement type '" + t + "' is not one of receipt, adjustment, stocktake, transfer."));
    }
}
