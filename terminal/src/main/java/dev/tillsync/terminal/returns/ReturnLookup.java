package dev.tillsync.terminal.returns;

import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.sync.ServerClients;
import dev.tillsync.terminal.sync.ServerException;
import java.util.Optional;

/**
 * Asks the server for a sale of the store before a return is made against it (online only). Invariant: a lookup
 * never stops a return the till can take from what it knows: an unreachable server, or one that does not know the
 * sale (it may not have arrived yet), answers empty and the return goes on from the till's own copy; only "that
 * number is itself a return" is final.
 */
public final class ReturnLookup {
    private final ServerClients clients;
    private final DeviceRepo devices;

    public ReturnLookup(ServerClients clients, DeviceRepo devices) {
        this.clients = clients;
        this.devices = devices;
    }

    public Optional<ReturnableInvoice> ask(String number, boolean online) {
        if (!online || number == null || number.isBlank()) return Optional.empty();
        try {
            return Optional.of(clients.forDevice(devices.require()).returnable(number.trim()));
        } catch (ServerException e) {
            if (e.httpStatus() == 409) {
                throw new TerminalException("bad_return", number.trim() + " is itself a return; return against the original sale.");
            }
            return Optional.empty(); // not found, unreachable, timed out: the till's own knowledge decides
        }
    }
}
