package dev.tillsync.reliability.faults;

/** What the {@link FaultProxy} does to the next connections it accepts. */
public enum FaultMode {
    /** Forward both ways untouched. */
    PASS,
    /** Accept and close at once: the client sees a refused/reset connection. */
    REFUSE,
    /** Accept, swallow the request, never answer: the client waits for its own timeout. */
    BLACKHOLE,
    /** Forward, but hold the response back for {@link FaultProxy#delayMillis()} first. */
    DELAY,
    /** Forward the request; when the server starts answering, drop the connection: the server committed, the answer is lost. */
    CUT_AFTER_REQUEST,
    /** Read the request, answer with bytes that are not HTTP. */
    GARBAGE,
    /** Read the request, answer HTTP 500 with a non-JSON body. */
    HTTP_500,
    /** Read the request, answer HTTP 503 (a load balancer with no healthy backend). */
    HTTP_503,
    /** Forward, but send the response back a few bytes at a time with pauses. */
    TRICKLE
}
