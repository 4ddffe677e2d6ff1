package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.payload.ShiftOpenPayload;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A shift opened by someone who is not a shift user, through the real HTTP API (issue 15, point 8): never "for shift type null". */
class ShiftOpenFlagTest {
    private final TillServer server = SharedServer.get();

    private static RowResult openShift(Fixtures.Linked d, String shiftType) {
        PushBatch batch = new PushBatch(d.posId(), d.profileKey(), List.of(Fixtures.row(1, RowKind.SHIFT_OPEN,
                new ShiftOpenPayload(UUID.randomUUID().toString(), "amira@demo.shop", shiftType, 10_000, Instant.now()))));
        return d.http().post("/sync/push", batch).as(PushResult.class).results().get(0);
    }

    @Test
    void onADeviceWithoutShiftUsersAnyoneOpensAShiftUnflagged() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        RowResult r = openShift(d, null);
        assertThat(r.isSynced()).isTrue();
        assertThat(r.review()).as(r.message()).isFalse();
    }

    @Test
    void onADeviceWithShiftUsersAShiftWithoutATypeByAnotherUserIsFlaggedWithoutANull() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        server.admin().addShiftUser(d.posId(), "ben@demo.shop", "Evening");
        RowResult r = openShift(d, null);
        assertThat(r.isSynced()).isTrue();
        assertThat(r.review()).isTrue();
        assertThat(r.message()).contains("amira@demo.shop opened a shift without a shift type and is not a shift user of " + d.posId())
                .doesNotContain("null");
        RowResult typed = openShift(Fixtures.linkedDevice(server, 500), "Morning");
        assertThat(typed.review()).isFalse(); // that device has no shift users either
    }
}
