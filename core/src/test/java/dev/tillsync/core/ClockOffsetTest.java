package dev.tillsync.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.sync.ClockOffset;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {
    @Test
    void aDateHeaderMeasuresTheTillAgainstTheMiddleOfTheServersSecond() {
        Instant sent = Instant.parse("2026-12-05T10:00:00.200Z"), received = Instant.parse("2026-12-05T10:00:00.400Z");
        ClockOffset o = ClockOffset.fromDateHeader("Wed, 02 Dec 2026 10:00:00 GMT", sent, received).orElseThrow();
        // the till's middle of the round trip (…00.300, 3 days later) minus the server's …00.500
        assertThat(o.millis()).isEqualTo(Duration.ofDays(3).toMillis() - 200);
        assertThat(o.measuredAt()).isEqualTo(received);
        assertThat(ClockOffset.fromDateHeader("soon", sent, received)).isEmpty();
        assertThat(ClockOffset.fromDateHeader(null, sent, received)).isEmpty();
    }

    @Test
    void offsetsAreDescribedInTheirTwoLargestUnitsWithTheirDirection() {
        assertThat(ClockOffset.describe(Duration.ofDays(3).toMillis())).isEqualTo("3 d 0 h ahead of the server");
        assertThat(ClockOffset.describe(-Duration.ofMinutes(4).plusSeconds(10).toMillis())).isEqualTo("4 min 10 s behind the server");
        assertThat(ClockOffset.describe(-1_500)).isEqualTo("in step with the server (within 2 s)");
        assertThat(ClockOffset.size(Duration.ofMinutes(10).toMillis())).isEqualTo("10 min 0 s");
        // an exact skew measured a little under or over reads the same (whole-second Date headers)
        assertThat(ClockOffset.describe(Duration.ofDays(3).minusMillis(400).toMillis())).isEqualTo("3 d 0 h ahead of the server");
        assertThat(ClockOffset.describe(Duration.ofDays(3).plusMillis(400).toMillis())).isEqualTo("3 d 0 h ahead of the server");
        assertThat(ClockOffset.size(Duration.ofMinutes(59).plusSeconds(59).toMillis())).isEqualTo("59 min 59 s");
        assertThat(ClockOffset.size(Duration.ofMinutes(59).plusSeconds(59).plusMillis(700).toMillis())).isEqualTo("1 h 0 min");
    }
}
