package dev.tillsync.server.admin;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.server.auth.UserRecord;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.device.LinkService;
import dev.tillsync.server.ingest.ImportSummary;
import dev.tillsync.server.refusal.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The operations of {@code bin/pos server admin}, on one database; also what tests and the demo call. */
public final class ServerAdmin {
    private final Services s;

    public ServerAdmin(Services services) {
        this.s = services;
    }

    /** Creates the first System Manager; running it again with the same email changes nothing. */
    public UserRecord init(String email, String password) {
        return s.jdbi().inTransaction(h -> {
            var existing = s.users().findId(h, email);
            if (existing.isPresent()) return s.users().get(h, existing.get());
            boolean hasAdmin = h.createQuery("select exists (select 1 from app_user where role = :r)")
                    .bind("r", Role.SYSTEM_MANAGER.label()).mapTo(Boolean.class).one();
            if (hasAdmin) {
                throw Refusal.conflict("already_initialised", "A System Manager already exists; add more users with 'admin user add'.");
            }
            return s.users().ensure(h, new BackOfficeUsers.NewUser(email, Role.SYSTEM_MANAGER.label(), password, null, null, null));
        });
    }

    public UserRecord addUser(String email, String role, String password, String pin, String firstName, String lastName) {
        return s.users().create(new BackOfficeUsers.NewUser(email, role, password, pin, firstName, lastName));
    }

    public List<UserRecord> users() {
        return s.users().list();
    }

    public DeviceView createDevice(DeviceView spec) {
        return s.devices().create(spec);
    }

    /** A device with the given settings; null series or rows take the defaults. */
    public DeviceView createDevice(String posId, String profile, Integer rowsPerRequest, String invoiceSeries,
                                   String customerSeries, String description) {
        return s.devices().create(new DeviceView(posId, invoiceSeries, customerSeries, profile, rowsPerRequest, null, null,
                description, null, List.of(), List.of()));
    }

    public DeviceView updateDevice(String posId, DeviceView spec) {
        return s.devices().update(posId, spec);
    }

    public void addDeviceUser(String posId, String email, boolean canConfigure, boolean canExportLog, boolean canReprint) {
        UserRecord u = s.jdbi().withHandle(h -> s.users().findId(h, email).map(id -> s.users().get(h, id)))
                .orElseThrow(() -> Refusal.unprocessable("unknown_user", "No user with email " + email + "; create it with 'admin user add'."));
        s.devices().addUser(posId, new DeviceView.DeviceUserView(u.email(), u.firstName(), u.lastName(), canConfigure, canExportLog, canReprint));
    }

    public void addShiftUser(String posId, String email, String shiftType) {
        s.devices().addShiftUser(posId, new DeviceView.ShiftUserView(email.trim().toLowerCase(), shiftType));
    }

    public String issueLinkCode(String posId) {
        return linkCode(posId).code();
    }

    public LinkService.LinkCode linkCode(String posId) {
        return s.links().issueCode(posId);
    }

    public ConnectionStatus unlink(String posId, boolean force) {
        return s.links().unlink(posId, force);
    }

    public DeviceView showDevice(String posId) {
        return s.devices().get(posId);
    }

    public void seedDemo() {
        DemoSeed.run(s);
    }

    public ImportSummary importFile(Path file) {
        try {
            return s.imports().importFile(Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
