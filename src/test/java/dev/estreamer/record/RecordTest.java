package dev.estreamer.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordTest {
    private static Record record() {
        Fields body = new Fields(FieldNames.of("userId", "protocol"), new Object[] {5L, 6L});
        return new Record(new Record.Header(71, 2, 40, true, 1_700_000_000L, 9), "Connection Statistics", "connection",
                Family.CONNECTION, Status.DECODED, body, new byte[] {1, 2}).withComputed(
                        new Fields(FieldNames.of("user"), new Object[] {"alice"}));
    }

    @Test
    void withFieldReplacesOneValueAndLeavesTheOriginalAlone() {
        Record original = record();
        Record variant = original.withField("userId", 7L);

        assertThat(variant.fields().get("userId")).isEqualTo(7L);
        assertThat(variant.fields().get("protocol")).isEqualTo(6L);
        assertThat(variant.fields().names()).isSameAs(original.fields().names());
        assertThat(original.fields().get("userId")).isEqualTo(5L);
        assertThat(variant.archiveTimestamp()).isEqualTo(1_700_000_000L);
        assertThat(variant.netmapId()).isEqualTo(2);
        assertThat(variant.checksum()).isEqualTo(9);
        assertThat(variant.computed().get("user")).isEqualTo("alice");
        assertThat(variant.raw()).isSameAs(original.raw());
    }

    @Test
    void withFieldNamesAnUnknownField() {
        assertThatThrownBy(() -> record().withField("nope", 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }
}
