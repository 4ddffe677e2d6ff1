package dev.tillsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/pos demo --headless} in-process through DemoMain's real entry: embedded PostgreSQL, demo seed,
 * a terminal linked through the cuttable line, the online → offline → online day and its reconciliation.
 */
class DemoHeadlessTest {
    @TempDir
    Path data;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void headlessDayReportsSuccess() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = DemoMain.run(new String[] {"--headless", "--data", data.toString()}, o, e);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("1. Terminal linked as POS-0001")
                .contains("terminal is now OFFLINE")
                .contains("receipt: OFFLINE")
                .contains("[ok] every transaction on the terminal is Synced")
                .contains("[ok] cash balances on the server's shift")
                .contains("[ok] scale label 2100042012509 sold 1.250 kg of FRUIT-BANANA")
                .contains("[ok] ITEM-0004 sold 10% off")
                .contains("[ok] a cash sale was rounded to 0.05")
                .contains("[ok] server discounts")
                .contains("[ok] server cash rounding")
                .doesNotContain("[FAIL]")
                .contains("DEMO OK");
    }

    @Test
    void badOptionsAreRefusedWithUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertThat(DemoMain.run(new String[] {"--bogus"}, System.out, e)).isEqualTo(2);
            assertThat(DemoMain.run(new String[] {"--port", "x"}, System.out, e)).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus").contains("--port needs a number").contains(DemoMain.USAGE);
    }
}
