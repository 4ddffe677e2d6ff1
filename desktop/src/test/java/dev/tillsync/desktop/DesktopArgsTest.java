package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopArgsTest {
    @Test
    void dataIsRequiredAndLockMinutesDefaultToFive() {
        assertThat(DesktopArgs.parse(List.of("--data", "/tmp/t1"))).isEqualTo(new DesktopArgs(Path.of("/tmp/t1"), 5));
        assertThat(DesktopArgs.parse(List.of("--data=/tmp/t1", "--lock-minutes", "0")).lockMinutes()).isZero();
        assertThat(DesktopArgs.parse(List.of(new DesktopArgs(Path.of("/x"), 7).toArgs()))).isEqualTo(new DesktopArgs(Path.of("/x"), 7));
        assertThatThrownBy(() -> DesktopArgs.parse(List.of())).hasMessageContaining("--data DIR is required");
        assertThatThrownBy(() -> DesktopArgs.parse(List.of("--data"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DesktopArgs.parse(List.of("--data", "d", "--lock-minutes", "x"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> DesktopArgs.parse(List.of("--data", "d", "--bogus"))).hasMessageContaining("unknown option");
    }
}
