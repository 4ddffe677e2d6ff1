package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.PushResult;

/** Where pushed batches go: the server over HTTP ({@link ServerClient#push}); throws {@link ServerException} when no answer came. */
@FunctionalInterface
public interface PushTransport {
    PushResult push(EncodedPush batch);
}
