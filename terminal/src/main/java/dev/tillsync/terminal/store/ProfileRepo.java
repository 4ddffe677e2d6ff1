package dev.tillsync.terminal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.terminal.TerminalException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The POS profile the device runs under (payment modes, receipt header/footer, profile key). */
public final class ProfileRepo {
    private static final ParsedJson<ProfileData> PROFILE = new ParsedJson<>(Json.mapper(), ProfileData.class);

    private ProfileRepo() {}

    public static Optional<ProfileData> current(Handle h, DeviceState device) {
        String name = device.config().posProfile();
        var q = name == null
                ? h.createQuery("select data_json from profile order by name limit 1")
                : h.createQuery("select data_json from profile where name = :n").bind("n", name);
        return q.mapTo(String.class).findOne().map(ProfileRepo::read);
    }

    /** The payment modes of the device's profile; none before linking or the first pull. */
    public static List<String> paymentModes(Handle h) {
        return DeviceRepo.load(h).flatMap(d -> current(h, d)).map(ProfileData::paymentModes).orElse(List.of());
    }

    public static ProfileData require(Handle h, DeviceState device) {
        return current(h, device).orElseThrow(() -> new TerminalException("no_profile",
                "The terminal has no POS profile yet (payment modes unknown). Sync with the server first: terminal sync"));
    }

    private static ProfileData read(String json) {
        try {
            return PROFILE.read(json);
        } catch (JsonProcessingException e) {
            throw new TerminalException("store_corrupt", "The stored POS profile is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
