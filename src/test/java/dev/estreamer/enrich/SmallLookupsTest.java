package dev.estreamer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.record.Fields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The names eNcore adds to discovery, user, VPN and a few metadata records (its "automap" and small per-type
 * lookups), from the built-in tables and from metadata the FMC sent.
 */
class SmallLookupsTest {
    private static final String POLICY = "3c0a7c2e-3444-11eb-a581-703a42c735fb";
    private final RecordEncoder enc = new RecordEncoder();
    private final RecordDecoder decoder = new RecordDecoder();
    private final Enricher enricher = new Enricher(MetadataCache.withDefaults());

    private Fields computed(int type, Map<String, Object> body) {
        return enricher.enrich(decoder.decode(enc.encode(type, body, true, 1_700_000_000L))).computed();
    }

    private static Map<String, Object> discovery(Map<String, Object> body) {
        Map<String, Object> m = new HashMap<>(body);
        m.put("deviceId", 0);
        m.put("eventSecond", 1_700_000_000L);
        m.put("hostIpAddr", "10.1.2.3");
        return m;
    }

    @Test
    void discoveryRecordsNameTheirProtocolsApplicationsAndSources() {
        enricher.cache().put(Tables.NETWORK_PROTOCOLS, 2048L, "IPv4");
        enricher.cache().put(Tables.CLIENT_APPS, 638L, "Firefox");
        enricher.cache().put(Tables.APP_PROTOCOLS, 676L, "HTTP");
        enricher.cache().put(Tables.SOURCE_TYPES, 1L, "User");

        assertThat(computed(13, discovery(Map.of("networkProtocol", 2048))).get("networkProtocol")).isEqualTo("IPv4");
        assertThat(computed(14, discovery(Map.of("transportProtocol", 6))).get("transportProtocol")).isEqualTo("TCP");
        for (int type : new int[] {15, 35, 107}) {
            Fields c = computed(type, discovery(Map.of("client", Map.of("id", 638, "applicationProto", 676))));
            assertThat(c.get("clientApplication")).as("record %d", type).isEqualTo("Firefox");
            assertThat(c.get("applicationProtocol")).as("record %d", type).isEqualTo("HTTP");
        }
        assertThat(computed(101, discovery(Map.of("osfingerprint", Map.of("sourceType", 1)))).get("sourceType"))
                .isEqualTo("User");
        Fields identity = computed(103, discovery(Map.of("identity", Map.of("sourceType", 0, "protocol", 17))));
        assertThat(identity.get("sourceType")).isEqualTo("RNA");
        assertThat(identity.get("transportProtocol")).isEqualTo("UDP");
    }

    @Test
    void metadataRecordsNameWhatEncoreNames() {
        enricher.cache().put(Tables.CORRELATION_RULES, 9L, Map.of("name", "c2-contact"));
        enricher.cache().put(Tables.POLICIES, POLICY, "Default Access Control");

        assertThat(computed(62, Map.of("id", 4, "protocol", 710, "name", "alice")).get("protocol")).isEqualTo("LDAP");
        assertThat(computed(69, Map.of("id", 9, "name", "policy")).get("correlationRule")).isEqualTo("c2-contact");
        assertThat(computed(260, Map.of("type", 8, "protocol", 1, "description", "Echo Request"))
                .get("transportProtocol")).isEqualTo("ICMP");
        assertThat(computed(270, Map.of("code", 0, "type", 8, "protocol", 58, "description", "x"))
                .get("transportProtocol")).isEqualTo("IPv6-ICMP");
        assertThat(computed(280, Map.of("id", 3, "accessControlPolicyUuid", POLICY, "name", "Malware"))
                .get("firewallPolicy")).isEqualTo("Default Access Control");
        assertThat(computed(511, Map.of("shaHash", "00".repeat(32), "fileName", "a.exe", "disposition", 3))
                .get("disposition")).isEqualTo("Malware");
    }

    @Test
    void vpnEventsCarryTheirFirstSessionAndNameItsTypeAuthenticationAndProtocol() {
        Map<String, Object> session = new HashMap<>();
        session.put("index", 7);
        session.put("vpnType", 3);
        session.put("groupPolicy", "DfltGrpPolicy");
        session.put("clientIp", "198.51.100.20");
        session.put("countryCode", 840);
        session.put("clientOs", "Windows");
        session.put("clientApplication", "AnyConnect 4.10");
        session.put("connectionDuration", 3600);
        session.put("bytesTransmitted", 1_000_000L);
        session.put("bytesReceived", 0);
        Map<String, Object> login = discovery(Map.of("username", "alice", "protocol", 710, "authType", 5,
                "vpnSession", List.of(session, Map.of("index", 8, "vpnType", 4))));
        for (int type : new int[] {170, 171}) {
            Fields c = computed(type, login);
            assertThat(c.get("userAuthType")).as("record %d", type).isEqualTo("VPN Authorized Authentication");
            assertThat(c.get("protocol")).as("a logoff's protocol is a user protocol too").isEqualTo("LDAP");
            assertThat(c.get("vpnType")).as("the first session's").isEqualTo("AnyConnect SSL");
            assertThat(c.get("index")).isEqualTo(7L);
            assertThat(c.get("groupPolicy")).isEqualTo("DfltGrpPolicy");
            assertThat(c.get("clientIp")).isEqualTo("198.51.100.20");
            assertThat(c.get("countryCode")).isEqualTo(840L);
            assertThat(c.get("clientOS")).isEqualTo("Windows");
            assertThat(c.get("clientApplication")).isEqualTo("AnyConnect 4.10");
            assertThat(c.get("connectionDuration")).isEqualTo(3600L);
            assertThat(c.get("bytesTransmitted")).isEqualTo(1_000_000L);
            assertThat(c.get("bytesReceived")).as("zero is left out, as eNcore does").isNull();
        }
        Fields none = computed(170, discovery(Map.of("username", "bob", "authType", 1)));
        assertThat(none.get("userAuthType")).isEqualTo("Passive Authentication, AD Agent, or ISE Session");
        assertThat(none.get("vpnType")).as("no session, no session fields").isNull();
    }
}
