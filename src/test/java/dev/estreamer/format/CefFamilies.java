package dev.estreamer.format;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.pipeline.Enrichment;
import dev.estreamer.record.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One hand-made record per event family (and the variants that map differently), encoded and decoded for real. */
final class CefFamilies {
    private CefFamilies() {
    }

    /** Label → record, enriched with the built-in tables only (so unknown ids fall back to raw values). */
    static Map<String, Record> records() {
        RecordEncoder enc = new RecordEncoder();
        RecordDecoder dec = new RecordDecoder();
        Enrichment enrichment = Enrichment.inMemory();
        Map<String, Record> out = new LinkedHashMap<>();
        List<Object[]> specs = new ArrayList<>();
        specs.add(new Object[] {"connection-ipv6", 71, Map.ofEntries(
                Map.entry("blockType", 173), Map.entry("deviceId", 3), Map.entry("eventType", 1003), Map.entry("eventSubtype", 1),
                Map.entry("initiatorIpAddress", "2001:db8::10"), Map.entry("responderIpAddress", "2001:db8:ff::1"),
                Map.entry("ruleId", 7), Map.entry("ruleAction", 2), Map.entry("ruleReason", 0), Map.entry("initiatorPort", 0),
                Map.entry("responderPort", 443), Map.entry("protocol", 6), Map.entry("instanceId", 1),
                Map.entry("connectionCounter", 0), Map.entry("firstPacketTimestamp", 1700000000),
                Map.entry("lastPacketTimestamp", 1700000009), Map.entry("initiatorTransmittedBytes", 0),
                Map.entry("responderTransmittedBytes", 5000), Map.entry("clientUrl", "https://x.example/a?b=c&d=e"),
                Map.entry("vlanId", 12))});
        specs.add(new Object[] {"connection-security-intelligence", 71, Map.ofEntries(
                Map.entry("blockType", 160), Map.entry("deviceId", 1), Map.entry("eventType", 1003), Map.entry("eventSubtype", 1),
                Map.entry("initiatorIpAddress", "10.0.0.5"), Map.entry("responderIpAddress", "198.51.100.7"),
                Map.entry("ruleAction", 4), Map.entry("initiatorPort", 53000), Map.entry("responderPort", 53),
                Map.entry("protocol", 17), Map.entry("firstPacketTimestamp", 1700000100),
                Map.entry("lastPacketTimestamp", 1700000100), Map.entry("securityIntelligenceSourceDestination", 2),
                Map.entry("securityIntelligenceLayer", 1), Map.entry("securityIntelligenceList1", 33),
                Map.entry("dnsQuery", "bad.example"))});
        specs.add(new Object[] {"intrusion", 400, Map.ofEntries(
                Map.entry("blockType", 60), Map.entry("deviceId", 7), Map.entry("eventId", 42), Map.entry("eventSecond", 1500000123),
                Map.entry("eventMicrosecond", 456789), Map.entry("ruleId", 58001), Map.entry("generatorId", 1),
                Map.entry("classificationId", 0), Map.entry("priorityId", 1), Map.entry("sourceIpAddress", "10.0.0.1"),
                Map.entry("destinationIpAddress", "2001:db8::1"), Map.entry("sourcePortOrIcmpType", 12345),
                Map.entry("destinationPortOrIcmpType", 80), Map.entry("ipProtocolId", 6), Map.entry("impact", 2),
                Map.entry("blocked", 1), Map.entry("vlanId", 0), Map.entry("connectionTimestamp", 1500000120),
                Map.entry("connectionInstanceId", 2))});
        specs.add(new Object[] {"intrusion-icmp-would-block", 400, Map.ofEntries(
                Map.entry("blockType", 85), Map.entry("deviceId", 7), Map.entry("eventId", 43), Map.entry("eventSecond", 1500000200),
                Map.entry("ruleId", 402), Map.entry("generatorId", 116), Map.entry("priorityId", 3),
                Map.entry("sourceIpAddress", "192.0.2.1"), Map.entry("destinationIpAddress", "192.0.2.2"),
                Map.entry("sourcePortOrIcmpType", 0), Map.entry("destinationPortOrIcmpType", 0), Map.entry("ipProtocolId", 1),
                Map.entry("impact", 5), Map.entry("blocked", 2))});
        specs.add(new Object[] {"correlation", 112, Map.ofEntries(
                Map.entry("deviceId", 1), Map.entry("correlationEventSecond", 1600000000), Map.entry("eventId", 9),
                Map.entry("policyId", 4), Map.entry("ruleId", 5), Map.entry("priority", 2),
                Map.entry("eventDescription", "host 10.1.1.1 | violated rule=5 \\ again"), Map.entry("eventImpactFlags", 0x20),
                Map.entry("ipProtocol", 6), Map.entry("sourceIpv6Address", "10.1.1.1"),
                Map.entry("destinationIpv6Address", "10.1.1.2"), Map.entry("sourcePort", 1000), Map.entry("destinationPort", 22),
                Map.entry("sourceVlanId", 0), Map.entry("blocked", 0))});
        specs.add(new Object[] {"malware", 125, Map.ofEntries(
                Map.entry("blockType", 62), Map.entry("malwareEventTimestamp", 1600000300), Map.entry("eventTypeId", 1),
                Map.entry("detectionName", "W32.Eicar"), Map.entry("user", "alice"), Map.entry("fileName", "eicar.com"),
                Map.entry("filePath", "C:\\Users\\alice\\eicar.com"), Map.entry("fileShaHash", "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f"),
                Map.entry("fileSize", 68), Map.entry("fileTimestamp", 1600000000), Map.entry("parentFileName", "explorer.exe"),
                Map.entry("eventDescription", "Threat Detected"), Map.entry("deviceId", 1),
                Map.entry("connectionEventTimestamp", 1600000299), Map.entry("direction", 1),
                Map.entry("sourceIpAddress", "10.0.0.9"), Map.entry("destinationIpAddress", "203.0.113.9"),
                Map.entry("disposition", 3), Map.entry("retroDisposition", 1), Map.entry("uri", "/eicar.com"),
                Map.entry("sourcePort", 50000), Map.entry("destinationPort", 80), Map.entry("protocol", 6),
                Map.entry("threatScore", 75), Map.entry("action", 2))});
        specs.add(new Object[] {"file", 500, Map.ofEntries(
                Map.entry("blockType", 56), Map.entry("deviceId", 1), Map.entry("connectionInstance", 1),
                Map.entry("connectionTimestamp", 1600000400), Map.entry("fileEventTimestamp", 1600000401),
                Map.entry("sourceIpAddress", "203.0.113.5"), Map.entry("destinationIpAddress", "10.0.0.3"),
                Map.entry("disposition", 1), Map.entry("speroDisposition", 0), Map.entry("threatScore", 0), Map.entry("action", 1),
                Map.entry("shaHash", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
                Map.entry("fileName", "report.pdf"), Map.entry("fileSize", 0), Map.entry("direction", 1),
                Map.entry("uri", "http://files.example/report.pdf"), Map.entry("signature", "PDF"),
                Map.entry("sourcePort", 80), Map.entry("destinationPort", 51000), Map.entry("protocol", 6))});
        specs.add(new Object[] {"file-malware", 502, Map.ofEntries(
                Map.entry("blockType", 79), Map.entry("deviceId", 1), Map.entry("fileEventTimestamp", 1600000500),
                Map.entry("sourceIpAddress", "203.0.113.6"), Map.entry("destinationIpAddress", "10.0.0.4"),
                Map.entry("disposition", 3), Map.entry("threatScore", 100), Map.entry("action", 2),
                Map.entry("fileName", "bad.exe"), Map.entry("fileSize", 1024), Map.entry("protocol", 6))});
        specs.add(new Object[] {"packet", 2, Map.of(
                "deviceId", 1, "eventId", 42, "eventSecond", 1500000123, "packetSecond", 1500000123,
                "packetMicrosecond", 5000, "linkType", 1, "packetLength", 66,
                "packetData", "00000000000100000000000208004500002e0000400040060000c0a80001c0a800020050c00000000000000000005002000000000000474554202f20485454500d0a")});
        specs.add(new Object[] {"extra-data", 110, Map.of(
                "deviceId", 1, "eventId", 42, "eventSecond", 1500000123, "type", 9, "blob", java.util.HexFormat.of().formatHex("/index.html?a=b\nX-Forged: 1".getBytes(java.nio.charset.StandardCharsets.UTF_8)))});
        specs.add(new Object[] {"impact", 9, Map.of(
                "eventId", 42, "deviceId", 1, "eventSecond", 1500000123, "impact", 0x07,
                "sourceIpAddress", "10.0.0.1", "destinationIpAddress", "10.0.0.2",
                "description", "[Impact: Vulnerable] From \"1\" at Fri Jul 14 02:42:03 2017 UTC [Classification: x] [Priority: 1] {tcp} 10.0.0.1:1->10.0.0.2:80")});
        specs.add(new Object[] {"discovery-host-ioc", 160, Map.of(
                "deviceId", 1, "macAddress", "00:11:22:33:44:55", "eventSecond", 1600000600, "eventType", 1001,
                "eventSubtype", 15, "hostIpAddr", "10.0.0.8", "value", 3)});
        specs.add(new Object[] {"user-login", 95, Map.ofEntries(
                Map.entry("deviceId", 1), Map.entry("eventSecond", 1600000700), Map.entry("eventType", 1004),
                Map.entry("eventSubtype", 2), Map.entry("username", "alice"), Map.entry("domain", "EXAMPLE"),
                Map.entry("userId", 1001), Map.entry("protocol", 710), Map.entry("ipv4Address", "10.0.0.9"),
                Map.entry("authType", 1), Map.entry("reportedBy", "ise-1"))});
        specs.add(new Object[] {"vpn-logoff", 171, Map.ofEntries(
                Map.entry("deviceId", 1), Map.entry("eventSecond", 1600000800), Map.entry("username", "bob"), Map.entry("ipv4Address", "10.8.0.5"),
                Map.entry("authType", 5), Map.entry("protocol", 710), Map.entry("vpnSession", List.of(Map.of(
                        "index", 2, "vpnType", 3, "groupPolicy", "DfltGrpPolicy", "clientIp", "198.51.100.20",
                        "connectionDuration", 3600, "bytesTransmitted", 1200, "bytesReceived", 3400))))});
        for (Object[] spec : specs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) spec[2];
            byte[] payload = enc.encode((Integer) spec[1], body, true, 1700000000L);
            out.put((String) spec[0], enrichment.apply(dec.decode(payload)));
        }
        return out;
    }
}
