package dev.tillsync.core.pricing;

/** A cart that cannot be priced as given (a discount over the line, a fraction of a whole-unit item, ...); the message says why. */
public final class PricingException extends RuntimeException {
    public PricingException(String message) {
        super(message);
    }
}
