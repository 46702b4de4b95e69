package dev.estreamer.decode;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class PrimitivesTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void ipv6Renderings() {
        assertThat(Primitives.ipv6(hex("00000000000000000000000000000000"), 0)).isEqualTo("::");
        assertThat(Primitives.ipv6(hex("00000000000000000000ffffc0a83232"), 0)).isEqualTo("192.168.50.50");
        assertThat(Primitives.ipv6(hex("20010db8000000000000000000000001"), 0)).isEqualTo("2001:db8::1");
        assertThat(Primitives.ipv6(hex("00000000000000000000000000000001"), 0)).isEqualTo("::1");
        assertThat(Primitives.ipv6(hex("fe800000000000000202b3fffe1e8329"), 0)).isEqualTo("fe80::202:b3ff:fe1e:8329");
        assertThat(Primitives.ipv6(hex("20010db8000100000001000000000001"), 0)).isEqualTo("2001:db8:1:0:1::1");
    }

    @Test
    void uuidMacAndText() {
        assertThat(Primitives.uuid(hex("173e48688ffa11e69c288816deb0aacf"), 0)).isEqualTo("173e4868-8ffa-11e6-9c28-8816deb0aacf");
        assertThat(Primitives.mac(hex("00505AFACE01"), 0)).isEqualTo("00:50:5a:fa:ce:01");
        assertThat(Primitives.text(hex("6869000a00"), 0, 5)).isEqualTo("hi\n");
        assertThat(Primitives.text(hex("e794b5"), 0, 3)).isEqualTo("电");
        assertThat(Primitives.text(hex("ff00c3"), 0, 3)).isEqualTo("ff00c3");
        assertThat(Primitives.u64(hex("ffffffffffffffff"), 0)).isEqualTo(-1L);
    }
}
