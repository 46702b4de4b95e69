package dev.estreamer.format;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.record.Record;
import dev.estreamer.testing.Golden;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One enriched record per ECS data stream family: the golden capture's metadata and first connection
 * event, plus synthetic connection (7.1 block: NAT, VLAN, HTTP, DNS, TLS), intrusion, file, file-malware,
 * malware, correlation and discovery events built with the shared {@link RecordEncoder} after metadata that
 * names their ids. The enricher starts from the built-in tables (dispositions, actions, protocols, …) exactly
 * as the pipeline's does, so the golden documents are what {@code run} writes.
 */
public final class EcsSamples {
    private static final String ZONE_IN = "ed81dc4e-3444-11eb-a581-703a42c735fb";
    private static final String ZONE_OUT = "edc619ae-3444-11eb-a581-703a42c735fb";
    private static final String IPS_POLICY = "3c0a7c2e-3444-11eb-a581-703a42c735fb";
    private static final String SHA = "275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F";

    private EcsSamples() {
    }

    /** Sample name (the golden file's stem) → enriched record, in a fixed order. */
    public static Map<String, Record> all() {
        RecordDecoder decoder = new RecordDecoder();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        Map<String, Record> out = new LinkedHashMap<>();
        for (byte[] payload : Golden.payloads()) {
            Record r = enricher.enrich(decoder.decode(payload));
            if (r.recordType() == 123 && !out.containsKey("metadata")) {
                out.put("metadata", r);
            }
            if (r.recordType() == 71 && !out.containsKey("connection")) {
                out.put("connection", r);
            }
        }
        RecordEncoder enc = new RecordEncoder();
        for (byte[] meta : List.of(
                enc.encode(66, Map.of("generatorId", 1, "ruleId", 2_000_001, "ruleRevision", 3, "signatureId", 2_000_001,
                        "message", "MALWARE-CNC Win.Trojan beacon"), false, 0),
                enc.encode(67, Map.of("id", 29, "name", "trojan-activity", "description", "A Network Trojan was Detected"),
                        false, 0),
                enc.encode(118, Map.of("uuid", IPS_POLICY, "name", "Balanced Security and Connectivity"), false, 0),
                enc.encode(120, Map.of("id", 4, "name", "Block"), false, 0),
                enc.encode(604, Map.of("id", 4, "name", "TLSv1.2"), false, 0),
                enc.encode(320, Map.of("id", 1, "name", "A", "description", "a host address"), false, 0),
                enc.encode(321, Map.of("id", 3, "name", "NXDOMAIN", "description", "Non-Existent Domain"), false, 0))) {
            enricher.enrich(decoder.decode(meta));
        }
        Map<String, Object> intrusion = new LinkedHashMap<>();
        intrusion.put("blockType", 85);
        intrusion.put("deviceId", 1);
        intrusion.put("eventId", 4242);
        intrusion.put("eventSecond", 1_606_923_400);
        intrusion.put("eventMicrosecond", 123_456);
        intrusion.put("ruleId", 2_000_001);
        intrusion.put("generatorId", 1);
        intrusion.put("ruleRevision", 3);
        intrusion.put("classificationId", 29);
        intrusion.put("priorityId", 1);
        intrusion.put("sourceIpAddress", "10.1.2.3");
        intrusion.put("destinationIpAddress", "203.0.113.9");
        intrusion.put("sourcePortOrIcmpType", 51000);
        intrusion.put("destinationPortOrIcmpType", 80);
        intrusion.put("ipProtocolId", 6);
        intrusion.put("impactFlags", 7);
        intrusion.put("impact", 2);
        intrusion.put("blocked", 1);
        intrusion.put("policyUuid", IPS_POLICY);
        intrusion.put("securityZoneIngressUuid", ZONE_IN);
        intrusion.put("securityZoneEgressUuid", ZONE_OUT);
        intrusion.put("httpHostname", "evil.example");
        intrusion.put("httpURI", "/beacon?id=1");
        out.put("intrusion", event(enricher, decoder, enc.encode(400, intrusion, true, 1_606_923_400)));

        Map<String, Object> web = new LinkedHashMap<>();
        web.put("blockType", 174);
        web.put("deviceId", 1);
        web.put("eventType", 1003);
        web.put("eventSubtype", 1);
        web.put("eventSecond", 1_606_923_450);
        web.put("initiatorIpAddress", "10.1.2.3");
        web.put("responderIpAddress", "203.0.113.80");
        web.put("initiatorPort", 51_514);
        web.put("responderPort", 443);
        web.put("protocol", 6);
        web.put("ruleAction", 4);
        web.put("firstPacketTimestamp", 1_606_923_440);
        web.put("lastPacketTimestamp", 1_606_923_449);
        web.put("initiatorTransmittedPackets", 12);
        web.put("responderTransmittedPackets", 9);
        web.put("initiatorTransmittedBytes", 2_048);
        web.put("responderTransmittedBytes", 18_000);
        web.put("clientUrl", "https://shop.example:8443/cart?item=7");
        web.put("vlanId", 42);
        web.put("referencedHost", "shop.example");
        web.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64)");
        web.put("httpReferrer", "https://search.example/?q=shop");
        web.put("httpResponse", 200);
        web.put("sslCertificateFingerprint", "9e393d93138888d288266c2d915214d1d1cceb2a");
        web.put("sslServerName", "shop.example");
        web.put("sslVersion", 4);
        web.put("sslCipherSuite", 49_199);
        web.put("dnsQuery", "shop.example");
        web.put("dnsRecordType", 1);
        web.put("dnsResponseType", 3);
        web.put("natInitiatorIp", "198.51.100.10");
        web.put("natInitiatorPort", 40_001);
        web.put("natResponderIp", "203.0.113.80");
        web.put("natResponderPort", 443);
        out.put("connection-web", event(enricher, decoder, enc.encode(71, web, true, 1_606_923_450)));

        Map<String, Object> file = fileEvent(79);
        out.put("file", event(enricher, decoder, enc.encode(500, file, true, 1_606_923_500)));
        Map<String, Object> fileMalware = fileEvent(79);
        fileMalware.put("disposition", 3);
        out.put("file-malware", event(enricher, decoder, enc.encode(502, fileMalware, true, 1_606_923_500)));

        Map<String, Object> malware = new LinkedHashMap<>();
        malware.put("blockType", 80);
        malware.put("agentUuid", "6f1c2a5e-1111-4b3c-9d2e-0a0b0c0d0e0f");
        malware.put("malwareEventTimestamp", 1_606_923_600);
        malware.put("detectionName", "W32.Generic:Gen.22fz.1201");
        malware.put("user", "alice");
        malware.put("fileName", "invoice.exe");
        malware.put("filePath", "C:\\Users\\alice\\Downloads\\invoice.exe");
        malware.put("fileShaHash", SHA);
        malware.put("fileSize", 73_802);
        malware.put("deviceId", 1);
        malware.put("sourceIpAddress", "10.1.2.3");
        malware.put("destinationIpAddress", "198.51.100.7");
        malware.put("sourcePort", 49_999);
        malware.put("destinationPort", 443);
        malware.put("protocol", 6);
        malware.put("disposition", 3);
        out.put("malware", event(enricher, decoder, enc.encode(125, malware, true, 1_606_923_600)));

        Map<String, Object> correlation = new LinkedHashMap<>();
        correlation.put("deviceId", 1);
        correlation.put("correlationEventSecond", 1_606_923_700);
        correlation.put("eventId", 77);
        correlation.put("policyId", 5);
        correlation.put("ruleId", 9);
        correlation.put("priority", 2);
        correlation.put("eventDescription", "host 10.1.2.3 contacted a known C2 server");
        correlation.put("ipProtocol", 17);
        correlation.put("sourceIpv6Address", "10.1.2.3");
        correlation.put("destinationIpv6Address", "2001:db8::53");
        correlation.put("sourcePort", 5353);
        correlation.put("destinationPort", 53);
        out.put("correlation", event(enricher, decoder, enc.encode(112, correlation, true, 1_606_923_700)));

        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("deviceId", 1);
        discovery.put("macAddress", "00:1a:2b:3c:4d:5e");
        discovery.put("eventSecond", 1_606_923_800);
        discovery.put("eventType", 1001);
        discovery.put("eventSubtype", 1);
        discovery.put("hostIpAddr", "10.1.2.3");
        discovery.put("value", 3);
        out.put("discovery", event(enricher, decoder, enc.encode(160, discovery, true, 1_606_923_800)));

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("ipAddress", "10.1.2.9");
        profile.put("hops", 1);
        profile.put("hostLastSeen", 1_606_923_810);
        profile.put("hostType", 1);
        profile.put("vlanPresence", 1);
        profile.put("vlanId", 42);
        profile.put("netbios", "FILESRV01");
        out.put("discovery-new-host", event(enricher, decoder,
                enc.encode(10, discoveryHeader(1000, 1, "10.1.2.9", Map.of("hostProfile", profile)), true, 1_606_923_810)));

        String os = "9d7d1e8c-3444-11eb-a581-703a42c735fb";
        enricher.enrich(decoder.decode(enc.encode(54, Map.of("uuid", os, "name", "Windows", "vendor", "Microsoft",
                "version", "10"), false, 0)));
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("uuid", os);
        fingerprint.put("type", 1);
        fingerprint.put("lastSeen", 1_606_923_820);
        out.put("discovery-new-os", event(enricher, decoder,
                enc.encode(101, discoveryHeader(1000, 8, "10.1.2.9", Map.of("osfingerprint", fingerprint)), true,
                        1_606_923_820)));

        Map<String, Object> login = new LinkedHashMap<>();
        login.put("blockType", 167);
        login.put("deviceId", 1);
        login.put("eventSecond", 1_606_923_900);
        login.put("eventType", 1004);
        login.put("eventSubtype", 2);
        login.put("hostIpAddr", "10.1.2.3");
        login.put("timestamp", 1_606_923_900);
        login.put("username", "alice");
        login.put("domain", "EXAMPLE");
        login.put("userId", 1001);
        login.put("protocol", 710);
        login.put("email", "alice@example.com");
        login.put("ipv6Address", "10.1.2.3");
        login.put("loginType", 1);
        login.put("authType", 1);
        login.put("reportedBy", "ise-1");
        out.put("user", event(enricher, decoder, enc.encode(95, login, true, 1_606_923_900)));
        return out;
    }

    private static Map<String, Object> fileEvent(int blockType) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("blockType", blockType);
        file.put("deviceId", 1);
        file.put("fileEventTimestamp", 1_606_923_500);
        file.put("sourceIpAddress", "198.51.100.7");
        file.put("destinationIpAddress", "10.1.2.3");
        file.put("shaHash", SHA);
        file.put("fileName", "invoice.pdf");
        file.put("fileSize", 73_802);
        file.put("direction", 1);
        file.put("uri", "http://files.example/dl/invoice.pdf?x=1");
        file.put("sourcePort", 80);
        file.put("destinationPort", 51_123);
        file.put("protocol", 6);
        file.put("action", 2);
        file.put("disposition", 1);
        return file;
    }

    /** A discovery event: the common header (device 1, a MAC) and {@code body}. */
    static Map<String, Object> discoveryHeader(int eventType, int subtype, String host, Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deviceId", 1);
        m.put("macAddress", "00:1a:2b:3c:4d:5f");
        m.put("eventSecond", 1_606_923_810);
        m.put("eventType", eventType);
        m.put("eventSubtype", subtype);
        m.put("hostIpAddr", host);
        m.putAll(body);
        return m;
    }

    private static Record event(Enricher enricher, RecordDecoder decoder, byte[] payload) {
        return enricher.enrich(decoder.decode(payload));
    }
}
