package dev.estreamer.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestFlagsTest {

    @Test
    void encoreDefaultsGive0x48900061() {
        RequestFlags flags = RequestFlags.of(true, true, true, true, true, true, true);
        assertThat(flags.value()).isEqualTo(0x48900061);
        assertThat(flags.hex()).isEqualTo("0x48900061");
        assertThat(flags.names()).containsExactly("0: packets", "5: impact-alerts", "6: intrusion-with-impact-flags",
                "20: metadata-v4", "23: archive-timestamps", "27: extra-data", "30: extended-request");
    }

    @Test
    void withoutExtendedGives0x08900061() {
        RequestFlags flags = RequestFlags.of(true, true, true, true, true, true, false);
        assertThat(flags).isEqualTo(RequestFlags.parse("0x08900061"));
        assertThat(flags.has(RequestFlags.EXTENDED)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "0, true,false,false,false,false,false,false",
        "5, false,true,false,false,false,false,false",
        "6, false,false,true,false,false,false,false",
        "20, false,false,false,true,false,false,false",
        "23, false,false,false,false,true,false,false",
        "27, false,false,false,false,false,true,false",
        "30, false,false,false,false,false,false,true",
    })
    void eachSwitchSetsExactlyItsBit(int bit, boolean p, boolean i, boolean n, boolean m, boolean a, boolean x, boolean e) {
        assertThat(RequestFlags.of(p, i, n, m, a, x, e).value()).isEqualTo(1 << bit);
    }

    @Test
    void fmcWordingOfTheDefaults() {
        assertThat(RequestFlags.ENCORE_DEFAULT.fmcWording()).isEqualTo("w/ Packets w/ Impact Alerts w/ NS Events "
                + "w/ Impact Flags w/ Metadata v4 w/ Send archive timestamp w/ Extra IDS Event data w/ Send Detail Request");
    }

    @Test
    void parsesWithAndWithoutPrefix() {
        assertThat(RequestFlags.parse("48900061")).isEqualTo(RequestFlags.ENCORE_DEFAULT);
        assertThat(RequestFlags.parse("0xFFFFFFFF").value()).isEqualTo(-1);
    }
}
