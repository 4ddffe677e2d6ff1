package dev.tillsync.reliability.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The compatibility rule GoldenWireTest judges answers by: what a strict, older till could not read. */
class JsonShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonShape shape(String json) throws Exception {
        return JsonShape.of(JSON.readTree(json));
    }

    @Test
    void newFieldsMissingFieldsAndChangedTypesAreIncompatibleValuesAndAbsentOptionalsAreNot() throws Exception {
        JsonShape recorded = shape("""
                {"results":[{"seq":1,"outcome":"accepted","note":"x"},{"seq":2,"outcome":"accepted"}],
                 "changes":[{"entity":"item","data":{"code":"A","price":100}},{"entity":"stock","data":{"qty":3}}]}""");
        assertThat(recorded.incompatibilitiesOf(shape("""
                {"results":[{"seq":7,"outcome":"duplicate"}],"changes":[{"entity":"stock","data":{"qty":9}}]}"""))).isEmpty();
        assertThat(recorded.incompatibilitiesOf(shape("""
                {"results":[{"seq":1,"outcome":"accepted","reviewReason":"late"}],"changes":[]}""")))
                .singleElement().asString().contains("new fields [reviewReason]");
        assertThat(recorded.incompatibilitiesOf(shape("""
                {"results":[{"seq":1}],"changes":[]}"""))).singleElement().asString().contains("missing: [outcome]");
        assertThat(recorded.incompatibilitiesOf(shape("""
                {"results":[{"seq":"1","outcome":"accepted"}],"changes":[]}"""))).singleElement().asString().contains("type [string]");
        assertThat(recorded.incompatibilitiesOf(shape("""
                {"results":[],"changes":[{"entity":"stock","data":{"qty":3,"price":1}}]}""")))
                .as("a field of one entity is new on another").singleElement().asString().contains("new fields [price]");
    }
}
