package dev.estreamer.sim;

import dev.estreamer.decode.RecordEncoder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The non-connection families of {@link SyntheticGenerator}: intrusion events with their packets, extra data
 * and impact alerts, file, file-malware and malware events, correlation events, discovery, user and VPN
 * records, and the metadata that names their ids. Field names are the catalogue's; values stay consistent
 * with the generator's shared metadata (device 1, its zones, interfaces, policy, rules, users, applications).
 */
final class FamilyRecords {
    static final String IPS_POLICY = "6c3a1d2e-4d7a-11ee-9a3c-000000000118";
    static final String CLOUD = "7d4b2e3f-4d7a-11ee-9a3c-000000000127";
    /** Snort rules: signature id, message, classification, priority. */
    private static final Object[][] SIGNATURES = {
        {2_000_001, "SIM-TROJAN Beacon to known command and control", 1, 1},
        {2_000_002, "SIM-POLICY Outbound cleartext password", 2, 2},
        {2_000_003, "SIM-SCAN Port sweep", 3, 3},
        {2_000_004, "SIM-WEB Directory traversal attempt", 4, 2}};
    private static final Object[][] CLASSIFICATIONS = {{1, "trojan-activity", "A Network Trojan was Detected"},
        {2, "policy-violation", "Potential Corporate Privacy Violation"}, {3, "attempted-recon", "Attempted Information Leak"},
        {4, "web-application-attack", "Web Application Attack"}};
    private static final Object[][] PRIORITIES = {{1, "high"}, {2, "medium"}, {3, "low"}};
    private static final Object[][] EXTRA_DATA_TYPES = {{9, "HTTP URI", "string"}, {10, "HTTP Hostname", "string"}};
    private static final Object[][] FILE_TYPES = {{21, "PDF"}, {22, "MSEXE"}, {23, "ZIP"}, {24, "MSOLE2"}};
    static final long CORRELATION_POLICY = 1;
    static final long CORRELATION_RULE = 1;
    /** Security Intelligence categories (record 280, keyed with the access-control policy). */
    static final Object[][] SI_CATEGORIES = {{1, "Malware"}, {2, "Phishing"}, {3, "CnC"}};
    private static final Object[][] SI_SRC_DEST = {{1, "Source"}, {2, "Destination"}};
    private static final String[] URIS = {"/index.html", "/download/setup.exe", "/api/v1/login", "/docs/report.pdf"};

    private final RecordEncoder encoder;
    private final long seed;

    FamilyRecords(RecordEncoder encoder, long seed) {
        this.encoder = encoder;
        this.seed = seed;
    }

    /** The metadata these families refer to, in the order it is sent (after the generator's own). */
    void metadata(List<SourceRecord> out) {
        for (Object[] s : SIGNATURES) {
            out.add(meta(66, Map.of("generatorId", 1, "ruleId", s[0], "ruleRevision", 3, "signatureId", s[0],
                    "ruleUuid", uuid(0x66, (Integer) s[0]), "ruleRevisionUuid", uuid(0x67, (Integer) s[0]), "message", s[1])));
        }
        for (Object[] c : CLASSIFICATIONS) {
            out.add(meta(67, Map.of("id", c[0], "name", c[1], "description", c[2], "uuid", uuid(0x671, (Integer) c[0]),
                    "revisionUuid", uuid(0x672, (Integer) c[0]))));
        }
        for (Object[] p : PRIORITIES) {
            out.add(meta(4, Map.of("id", p[0], "name", p[1])));
        }
        out.add(meta(118, Map.of("uuid", IPS_POLICY, "name", "Balanced Security and Connectivity")));
        for (Object[] x : EXTRA_DATA_TYPES) {
            out.add(meta(111, Map.of("type", x[0], "name", x[1], "encoding", x[2])));
        }
        for (Object[] t : FILE_TYPES) {
            out.add(meta(510, Map.of("id", t[0], "name", t[1])));
        }
        out.add(meta(127, Map.of("uuid", CLOUD, "name", "sim-amp-cloud")));
        out.add(meta(69, Map.of("id", CORRELATION_POLICY, "name", "sim-correlation-policy", "description",
                "Escalate high-impact intrusions", "uuid", uuid(0x69, 1), "revisionUuid", uuid(0x691, 1))));
        out.add(meta(70, Map.of("id", CORRELATION_RULE, "name", "High impact intrusion", "description",
                "An intrusion event with impact 1", "eventType", "intrusion event", "correlationRuleUuid", uuid(0x70, 1),
                "correlationRevisionUuid", uuid(0x701, 1), "whitelistUuid", uuid(0x702, 1))));
        for (Object[] si : SI_CATEGORIES) {
            out.add(meta(280, Map.of("id", si[0], "accessControlPolicyUuid", SyntheticGenerator.POLICY, "name", si[1])));
        }
        for (Object[] sd : SI_SRC_DEST) {
            out.add(meta(281, Map.of("id", sd[0], "name", sd[1])));
        }
    }

    /** Intrusion event {@code n} (record 400): eventId = n. */
    Map<String, Object> intrusion(long n, long ts, int blockType) {
        SplittableRandom r = random(n);
        Object[] sig = SIGNATURES[r.nextInt(SIGNATURES.length)];
        Map<String, Object> f = new HashMap<>();
        f.put("blockType", blockType);
        f.put("deviceId", 1);
        f.put("eventId", n & 0xFFFFFFFFL);
        f.put("eventSecond", ts);
        f.put("eventMicrosecond", r.nextInt(1_000_000));
        f.put("ruleId", sig[0]);
        f.put("generatorId", 1);
        f.put("ruleRevision", 3);
        f.put("classificationId", sig[2]);
        f.put("priorityId", sig[3]);
        f.put("sourceIpAddress", "10.0." + r.nextInt(4) + "." + (1 + r.nextInt(254)));
        f.put("destinationIpAddress", "203.0.113." + (1 + r.nextInt(254)));
        f.put("sourcePortOrIcmpType", 1024 + r.nextInt(60000));
        f.put("destinationPortOrIcmpType", 80);
        f.put("ipProtocolId", 6);
        f.put("impactFlags", 0x07);
        f.put("impact", 1 + r.nextInt(4));
        f.put("blocked", r.nextInt(2));
        f.put("policyUuid", IPS_POLICY);
        f.put("userId", 1001);
        f.put("applicationId", 676);
        f.put("clientApplicationId", 1296);
        f.put("accessControlRuleId", 268435457L);
        f.put("accessControlPolicyUuid", SyntheticGenerator.POLICY);
        f.put("interfaceIngressUuid", SyntheticGenerator.INTERFACES[0]);
        f.put("interfaceEgressUuid", SyntheticGenerator.INTERFACES[1]);
        f.put("securityZoneIngressUuid", SyntheticGenerator.ZONES[0]);
        f.put("securityZoneEgressUuid", SyntheticGenerator.ZONES[1]);
        f.put("connectionTimestamp", ts);
        f.put("connectionInstanceId", (n >>> 16) & 0xFFFF);
        f.put("connectionCounter", n & 0xFFFF);
        f.put("destinationCountry", 840);
        f.put("snortVersion", 3);
        f.put("httpHostname", "www.example.com");
        f.put("httpURI", URIS[r.nextInt(URIS.length)]);
        return f;
    }

    /** Packet of intrusion event {@code of} (record 2): eventId = of. */
    Map<String, Object> packet(long of, long eventSecond, long ts) {
        return Map.of("deviceId", 1, "eventId", of & 0xFFFFFFFFL, "eventSecond", eventSecond, "packetSecond", ts,
                "packetMicrosecond", 500, "linkType", 1,
                "packetData", "00112233445566778899aabb0800450000280000400040060000" + String.format("%08x", of & 0xFFFFFFFFL));
    }

    /** Extra data (record 110, HTTP URI) of intrusion event {@code of}. */
    Map<String, Object> extraData(long of, long eventSecond) {
        byte[] uri = ("/sim/" + of).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Map.of("deviceId", 1, "eventId", of & 0xFFFFFFFFL, "eventSecond", eventSecond, "type", 9,
                "blob", HexFormat.of().formatHex(uri));
    }

    /** Impact alert (record 9) of intrusion event {@code of}. */
    Map<String, Object> impact(long of, long eventSecond) {
        return Map.of("eventId", of & 0xFFFFFFFFL, "deviceId", 1, "eventSecond", eventSecond, "impact", 0x07,
                "sourceIpAddress", "10.0.0.5", "destinationIpAddress", "203.0.113.9", "description", "[Impact: 1]");
    }

    /** File event (500) or file-malware event (502) {@code n}: uri = eventKey(n), connection key from n. */
    Map<String, Object> file(long n, long ts, int blockType, boolean malware) {
        SplittableRandom r = random(n);
        Object[] type = FILE_TYPES[r.nextInt(FILE_TYPES.length)];
        Map<String, Object> f = new HashMap<>();
        f.put("blockType", blockType);
        f.put("deviceId", 1);
        f.put("connectionInstance", (n >>> 16) & 0xFFFF);
        f.put("connectionCounter", n & 0xFFFF);
        f.put("connectionTimestamp", ts);
        f.put("fileEventTimestamp", ts);
        f.put("sourceIpAddress", "203.0.113." + (1 + r.nextInt(254)));
        f.put("destinationIpAddress", "10.0.1." + (1 + r.nextInt(254)));
        f.put("disposition", malware ? 3 : 1 + r.nextInt(2));
        f.put("fileStorageStatus", 1);
        f.put("threatScore", malware ? 90 : 0);
        f.put("action", malware ? 4 : 1);
        f.put("shaHash", sha(r));
        f.put("fileTypeId", type[0]);
        f.put("fileName", "sim-" + n + "." + type[1].toString().toLowerCase());
        f.put("fileSize", 1000 + r.nextInt(1_000_000));
        f.put("direction", 1);
        f.put("applicationId", 676);
        f.put("userId", 1002);
        f.put("uri", SyntheticGenerator.eventKey(n));
        f.put("sourcePort", 80);
        f.put("destinationPort", 1024 + r.nextInt(60000));
        f.put("protocol", 6);
        f.put("accessControlPolicyUuid", SyntheticGenerator.POLICY);
        f.put("sourceCountry", 840);
        return f;
    }

    /** Malware (AMP) event {@code n} (record 125): uri = eventKey(n). */
    Map<String, Object> malware(long n, long ts, int blockType) {
        SplittableRandom r = random(n);
        Map<String, Object> f = new HashMap<>();
        f.put("blockType", blockType);
        f.put("cloudUuid", CLOUD);
        f.put("malwareEventTimestamp", ts);
        f.put("eventTypeId", 1);
        f.put("eventSubtypeId", 1);
        f.put("detectorId", 1);
        f.put("detectionName", "W32.Sim.Generic");
        f.put("fileName", "invoice-" + n + ".exe");
        f.put("filePath", "C:\\Users\\alice\\Downloads");
        f.put("fileShaHash", sha(r));
        f.put("fileSize", 1000 + r.nextInt(1_000_000));
        f.put("fileType", 22);
        f.put("fileTimestamp", ts);
        f.put("eventDescription", "Threat detected");
        f.put("deviceId", 1);
        f.put("connectionInstance", (n >>> 16) & 0xFFFF);
        f.put("connectionCounter", n & 0xFFFF);
        f.put("connectionEventTimestamp", ts);
        f.put("direction", 1);
        f.put("sourceIpAddress", "198.51.100." + (1 + r.nextInt(254)));
        f.put("destinationIpAddress", "10.0.2." + (1 + r.nextInt(254)));
        f.put("applicationId", 1122);
        f.put("userId", 1001);
        f.put("accessControlPolicyUuid", SyntheticGenerator.POLICY);
        f.put("disposition", 3);
        f.put("retroDisposition", 3);
        f.put("uri", SyntheticGenerator.eventKey(n));
        f.put("sourcePort", 443);
        f.put("destinationPort", 1024 + r.nextInt(60000));
        f.put("action", 4);
        f.put("protocol", 6);
        f.put("threatScore", 95);
        return f;
    }

    /** Correlation (policy violation) event {@code n} (record 112): eventId = n. */
    Map<String, Object> correlation(long n, long ts) {
        SplittableRandom r = random(n);
        Object[] sig = SIGNATURES[r.nextInt(SIGNATURES.length)];
        Map<String, Object> f = new HashMap<>();
        f.put("deviceId", 1);
        f.put("correlationEventSecond", ts);
        f.put("eventId", n & 0xFFFFFFFFL);
        f.put("policyId", CORRELATION_POLICY);
        f.put("ruleId", CORRELATION_RULE);
        f.put("priority", sig[3]);
        f.put("eventDescription", "High impact intrusion");
        f.put("eventType", 1);
        f.put("eventDeviceId", 1);
        f.put("signatureId", sig[0]);
        f.put("signatureGeneratorId", 1);
        f.put("triggerEventSecond", ts);
        f.put("deviceEventId", n & 0xFFFFFFFFL);
        f.put("ipProtocol", 6);
        f.put("sourceIp", "10.0.3." + (1 + r.nextInt(254)));
        f.put("sourcePort", 1024 + r.nextInt(60000));
        f.put("destinationIp", "203.0.113." + (1 + r.nextInt(254)));
        f.put("destinationPort", 80);
        f.put("impact", 1);
        f.put("intrusionPolicy", IPS_POLICY);
        f.put("accessControlPolicyRevision", SyntheticGenerator.POLICY);
        f.put("accessControlRuleId", 268435457L);
        f.put("ingressZoneUuid", SyntheticGenerator.ZONES[0]);
        f.put("egressZoneUuid", SyntheticGenerator.ZONES[1]);
        return f;
    }

    /**
     * Discovery, user and VPN records (10, 11, 15, 94, 95, 170, 171): the discovery header carries
     * eventSecond = the archive second and eventMicrosecond = n mod 1,000,000.
     */
    Map<String, Object> discovery(int recordType, long n, long ts) {
        SplittableRandom r = random(n);
        String host = "10.0." + r.nextInt(4) + "." + (1 + r.nextInt(254));
        Map<String, Object> f = new HashMap<>();
        f.put("deviceId", 1);
        f.put("macAddress", String.format("00:50:56:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        f.put("eventSecond", ts);
        f.put("eventMicrosecond", n % 1_000_000);
        f.put("hostIpAddr", host);
        switch (recordType) {
            case 10 -> {
                f.put("eventType", 1000);
                f.put("eventSubtype", 1);
                f.put("hostProfile", Map.of("ipAddress", host, "hops", 1, "hostLastSeen", ts, "hostType", 0,
                        "netbios", "SIM-" + (n % 1000)));
            }
            case 11 -> {
                f.put("eventType", 1000);
                f.put("eventSubtype", 2);
                f.put("hostServer", Map.of("port", 443, "hits", 1 + r.nextInt(100), "lastUsed", ts, "confidence", 100));
            }
            case 15 -> {
                f.put("eventType", 1000);
                f.put("eventSubtype", 7);
                f.put("client", Map.of("hits", 1 + r.nextInt(100), "lastUsed", ts, "id", 1296, "applicationProto", 1122,
                        "version", "120.0"));
            }
            case 94 -> {
                f.put("eventType", 1004);
                f.put("eventSubtype", 1);
                f.put("blockType", 155);
                f.put("userId", 1003);
                f.put("username", "carol");
                f.put("protocol", 710);
                f.put("email", "carol@sim.example");
            }
            default -> { // 95, 170, 171
                f.put("eventType", 1004);
                f.put("eventSubtype", 2);
                f.put("blockType", 167);
                f.put("timestamp", ts);
                f.put("ipv4Address", host);
                f.put("username", recordType == 95 ? "alice" : "bob");
                f.put("domain", "SIM");
                f.put("userId", recordType == 95 ? 1001 : 1002);
                f.put("protocol", 710);
                f.put("ipv6Address", host);
                f.put("loginType", 1);
                f.put("authType", 1);
                f.put("reportedBy", recordType == 95 ? "ise" : "vpn");
                if (recordType != 95) {
                    f.put("description", recordType == 170 ? "VPN login" : "VPN logoff");
                    f.put("vpnSession", List.of(map("index", 1, "vpnType", 1, "groupPolicy", "DfltGrpPolicy",
                            "vpnConnectionProfile", "sim-remote", "clientIp", "198.51.100.7", "countryCode", 276,
                            "clientOs", "linux", "clientApplication", "AnyConnect", "connectionDuration", 60 + r.nextInt(3600),
                            "bytesTransmitted", r.nextInt(1 << 20), "bytesReceived", r.nextInt(1 << 20))));
                }
            }
        }
        return f;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private SplittableRandom random(long n) {
        return new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    private static String sha(SplittableRandom r) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    private static String uuid(int kind, long id) {
        return String.format("%08x-0000-4000-8000-%012x", kind, id);
    }

    private SourceRecord meta(int recordType, Map<String, Object> body) {
        byte[] payload = encoder.encode(recordType, body, false, 0);
        return SourceRecord.metadata(recordType, java.util.Arrays.copyOfRange(payload, 8, payload.length));
    }
}
