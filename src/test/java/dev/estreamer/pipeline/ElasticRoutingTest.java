package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.format.EcsFormatter;
import dev.estreamer.record.Record;
import dev.estreamer.sink.elastic.ElasticDocument;
import dev.estreamer.testing.Golden;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deterministic {@code _id}: the same FMC and record bytes give the same id in any process, anything else another. */
@Timeout(30)
class ElasticRoutingTest {
    @Test
    void theIdDependsOnTheFmcAndTheRecordBytesOnly() {
        List<byte[]> payloads = Golden.payloads();
        RecordDecoder decoder = new RecordDecoder();
        ElasticRouting one = new ElasticRouting(new EcsFormatter(), "fmc-a.example:8302");
        ElasticRouting again = new ElasticRouting(new EcsFormatter("other_ns"), "fmc-a.example:8302");
        ElasticRouting otherFmc = new ElasticRouting(new EcsFormatter(), "fmc-b.example:8302");
        Set<String> ids = new HashSet<>();
        Set<String> raws = new HashSet<>();
        for (byte[] raw : payloads) {
            Record r = decoder.decode(raw);
            String id = one.id(r.raw());
            assertThat(id).matches("[A-Za-z0-9_-]{27}");
            assertThat(again.id(r.raw())).as("a restart (new instance) gives the same id").isEqualTo(id);
            assertThat(otherFmc.id(r.raw())).as("another FMC's identical record is another document").isNotEqualTo(id);
            ElasticDocument doc = ElasticDocument.decode(one.format(r));
            assertThat(doc.id()).isEqualTo(id);
            assertThat(doc.index()).startsWith("logs-cisco_firepower.");
            ids.add(id);
            raws.add(java.util.HexFormat.of().formatHex(r.raw()));
        }
        assertThat(ids).as("one id per distinct record").hasSize(raws.size());
    }
}
