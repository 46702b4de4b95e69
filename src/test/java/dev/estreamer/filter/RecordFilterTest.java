package dev.estreamer.filter;

import dev.estreamer.config.ConfigException;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.FileCheck;
import dev.estreamer.config.HandlerRecords;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Family;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Family and type switches, then device and domain selection by id or by the enrichment's names. */
@Timeout(30)
class RecordFilterTest {
    private static final Record FW1 = event(71, Family.CONNECTION, 0, 1L, "FW-1", null);
    private static final Record FW2 = event(400, Family.INTRUSION, 3, 2L, "fw-2", "Global/Leaf");
    private static final Record NO_NAME_YET = event(71, Family.CONNECTION, 5, 7L, null, null);
    private static final Record DEVICE_METADATA = event(123, Family.METADATA, 3, null, null, "Global/Leaf");
    private static final Record POLICY_METADATA = event(145, Family.METADATA, 3, null, null, null);

    @Test
    void devicesByNameIgnoringCaseOrById() {
        RecordFilter byName = filter(List.of(), List.of(), List.of("fw-1", "7"), List.of(), List.of(), List.of());
        assertThat(byName.accepts(FW1)).isTrue();
        assertThat(byName.accepts(FW2)).isFalse();
        assertThat(byName.accepts(NO_NAME_YET)).as("device id 7 listed").isTrue();
        assertThat(byName.accepts(DEVICE_METADATA)).as("records without a device id are not filtered").isTrue();

        RecordFilter excluded = filter(List.of(), List.of(), List.of("FW-1", "fw-2"), List.of("2"), List.of(), List.of());
        assertThat(excluded.accepts(FW1)).isTrue();
        assertThat(excluded.accepts(FW2)).as("exclude wins over include").isFalse();
    }

    @Test
    void sensorIdOfPolicyMetadataIsNotADeviceFilter() {
        Record policy = new Record(new Record.Header(145, 0, 0, false, 0, 0), "Access Control Policy Metadata", "X",
                Family.METADATA, Status.DECODED, new Fields(FieldNames.of("sensorId"), new Object[] {9L}), new byte[0]);
        assertThat(filter(List.of(), List.of(), List.of("1"), List.of(), List.of(), List.of()).accepts(policy)).isTrue();
    }

    @Test
    void domainsByNameOrNetmapId() {
        RecordFilter leaf = filter(List.of(), List.of(), List.of(), List.of(), List.of("global/leaf"), List.of());
        assertThat(leaf.accepts(FW2)).isTrue();
        assertThat(leaf.accepts(FW1)).isFalse();
        assertThat(leaf.accepts(POLICY_METADATA)).as("metadata is never filtered by domain").isTrue();

        RecordFilter byId = filter(List.of(), List.of(), List.of(), List.of(), List.of("0", "5"), List.of());
        assertThat(byId.accepts(FW1)).isTrue();
        assertThat(byId.accepts(NO_NAME_YET)).isTrue();
        assertThat(byId.accepts(FW2)).isFalse();

        RecordFilter notLeaf = filter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of("3"));
        assertThat(notLeaf.accepts(FW2)).isFalse();
        assertThat(notLeaf.accepts(FW1)).isTrue();
    }

    @Test
    void typeRulesStillComeFirst() {
        RecordFilter f = filter(List.of(), List.of(71), List.of("fw-1"), List.of(), List.of(), List.of());
        assertThat(f.accepts(FW1)).as("excluded type").isFalse();
        HandlerRecords noConnections = new HandlerRecords(true, true, false, true, true, true, true, List.of(), List.of(),
                List.of("fw-1"), List.of(), List.of(), List.of());
        assertThat(new RecordFilter(noConnections).accepts(FW1)).isFalse();
        HandlerRecords included = new HandlerRecords(true, true, false, true, true, true, true, List.of(71), List.of(),
                List.of("fw-2"), List.of(), List.of(), List.of());
        assertThat(new RecordFilter(included).accepts(FW1)).as("included type, but another device").isFalse();
    }

    @Test
    void configKeysAcceptNamesAndIdsAndNameTheKeyWhenWrong() throws IOException {
        String conf = fixture().replace("\"exclude\": [],",
                "\"exclude\": [], \"includeDevices\": [\"fw-1\", 7], \"excludeDomains\": [\"Global/Leaf\", 3],");
        HandlerRecords r = ConfigLoader.parse(conf, Path.of("/tmp/estreamer-filter/estreamer.conf"), FileCheck.SKIP)
                .handler().records();
        assertThat(r.includeDevices()).containsExactly("fw-1", "7");
        assertThat(r.excludeDomains()).containsExactly("Global/Leaf", "3");
        assertThat(r.excludeDevices()).isEmpty();

        String bad = fixture().replace("\"exclude\": [],", "\"exclude\": [], \"includeDomains\": [-1],");
        assertThatThrownBy(() -> ConfigLoader.parse(bad, Path.of("/tmp/estreamer-filter/estreamer.conf"), FileCheck.SKIP))
                .isInstanceOf(ConfigException.class).hasMessageContaining("handler.records.includeDomains");
    }

    private static RecordFilter filter(List<Integer> include, List<Integer> exclude, List<String> includeDevices,
                                       List<String> excludeDevices, List<String> includeDomains,
                                       List<String> excludeDomains) {
        return new RecordFilter(new HandlerRecords(true, true, true, true, true, true, true, include, exclude,
                includeDevices, excludeDevices, includeDomains, excludeDomains));
    }

    private static Record event(int type, Family family, int netmap, Long deviceId, String sensor, String domain) {
        Fields fields = deviceId == null ? new Fields(FieldNames.of("id"), new Object[] {1L})
                : new Fields(FieldNames.of("deviceId"), new Object[] {deviceId});
        Record r = new Record(new Record.Header(type, netmap, 0, true, 1, 0), "r" + type, "X", family, Status.DECODED,
                fields, new byte[0]);
        List<String> names = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>();
        if (sensor != null) {
            names.add("sensor");
            values.add(sensor);
        }
        if (domain != null) {
            names.add("domain");
            values.add(domain);
        }
        return r.withComputed(new Fields(new FieldNames(names), values.toArray()));
    }

    private static String fixture() throws IOException {
        try (InputStream in = RecordFilterTest.class.getResourceAsStream("/dev/estreamer/config/encore-3.8.4.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
