package dev.tillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code bin/pos bench storm} refuses sizes it cannot run, naming the option, before it starts any server. */
class StormOptionsTest {
    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--tills|0|--tills needs fleet sizes of at least 1",
            "--invoices|0|--invoices must be at least 1",
            "--rows|0|--rows must be at least 1",
            "--rounds|0|--rounds must be at least 1",
            "--popular|3|--popular must be at least 5",
            "--spread-ms|-1|--spread-ms must not be negative"})
    void aSizeItCannotRunIsRefusedWithTheOptionNamed(String option, String value, String message) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new BenchMain()).execute("storm", "--work", work.toString(), option, value);
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("bench storm: " + message);
        assertThat(work.resolve("storm")).doesNotExist();
    }
}
