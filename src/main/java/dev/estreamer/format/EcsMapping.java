package dev.estreamer.format;

import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps one record onto an {@link EcsDocument}. Each raw or computed field read here is marked as
 * used; whatever is left over goes to {@code cisco.firepower.*} (computed names first, so a
 * resolved name replaces the id it came from).
 */
final class EcsMapping {
    private static final Set<String> NOISE = Set.of("blockType", "blockLength", "length", "pad", "nameLength",
            "recordTypeCategory", "recordTypeDescription", "recordTypeFamily", "eventSecond", "eventMicrosecond",
            "eventDateTime");
    /** Values the metadata uses for "nothing here". */
    private static final Set<String> EMPTY_NAMES = Set.of("unknown", "n/a", "pending", "none", "not found");
    private static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";
    /**
     * Raw ids and the computed names enrichment resolves them to (see Enricher's views). When one of the names
     * is in the record, the id stays out of {@code cisco.firepower.*}: the name is in an ECS field or in the
     * vendor namespace under its own key, and an id there would only be a number users cannot read.
     */
    private static final Map<String, List<String>> ID_NAMES = Map.ofEntries(
            Map.entry("deviceId", List.of("sensor")),
            Map.entry("userId", List.of("user", "agentUser")),
            Map.entry("sourceUserId", List.of("sourceUser")),
            Map.entry("destinationUserId", List.of("destinationUser")),
            Map.entry("applicationId", List.of("applicationProtocol")),
            Map.entry("clientApplicationId", List.of("clientApplication")),
            Map.entry("webApplicationId", List.of("webApplication")),
            Map.entry("sourceServerId", List.of("sourceApplicationProtocol")),
            Map.entry("destinationServerId", List.of("destinationApplicationProtocol")),
            Map.entry("ingressZone", List.of("ingressSecurityZone")),
            Map.entry("ingressZoneUuid", List.of("ingressSecurityZone")),
            Map.entry("securityZoneIngressUuid", List.of("ingressSecurityZone")),
            Map.entry("egressZone", List.of("egressSecurityZone")),
            Map.entry("egressZoneUuid", List.of("egressSecurityZone")),
            Map.entry("securityZoneEgressUuid", List.of("egressSecurityZone")),
            Map.entry("ingressIntefaceUuid", List.of("ingressInterface")),
            Map.entry("interfaceIngressUuid", List.of("ingressInterface")),
            Map.entry("egressIntefaceUuid", List.of("egressInterface")),
            Map.entry("interfaceEgressUuid", List.of("egressInterface")),
            Map.entry("policyRevision", List.of("firewallPolicy")),
            Map.entry("accessControlPolicyUuid", List.of("firewallPolicy", "filePolicy")),
            Map.entry("accessControlRuleId", List.of("firewallRule")),
            Map.entry("ruleAction", List.of("firewallRuleAction")),
            Map.entry("ruleReason", List.of("firewallRuleReason")),
            Map.entry("policyUuid", List.of("idsPolicy")),
            Map.entry("networkAnalysisPolicyUuid", List.of("networkAnalysisPolicy")),
            Map.entry("policyId", List.of("correlationPolicy")),
            Map.entry("classificationId", List.of("classificationName")),
            Map.entry("priorityId", List.of("priority")),
            Map.entry("blockedReasonId", List.of("blockedReason")),
            Map.entry("action", List.of("fileAction")),
            Map.entry("fileTypeId", List.of("fileType")),
            Map.entry("localMalwareAnalysisStatus", List.of("malwareAnalysisStatus")),
            Map.entry("eventTypeId", List.of("malwareEventType", "type")),
            Map.entry("eventSubtypeId", List.of("malwareEventSubtype", "subtype")),
            Map.entry("eventType", List.of("eventDescription")),
            Map.entry("eventSubtype", List.of("eventDescription")),
            Map.entry("detectorId", List.of("detector")),
            Map.entry("cloudUuid", List.of("cloud")),
            Map.entry("securityIntelligenceSourceDestination", List.of("securityIntelligenceIp")),
            Map.entry("securityIntelligenceUuid", List.of("securityIntelligencePolicy")),
            Map.entry("sinkholeUuid", List.of("sinkhole")),
            Map.entry("sourceId", List.of("source")),
            Map.entry("dnsRecordType", List.of("dnsRecordName")),
            Map.entry("dnsResponseType", List.of("dnsResponseName")),
            Map.entry("iocNumber", List.of("iocCategory")),
            Map.entry("sourceOperatingSystemFingerprintUuid", List.of("sourceOperatingSystemName")),
            Map.entry("destinationOperatingSystemFingerprintUuid", List.of("destinationOperatingSystemName")),
            Map.entry("type", List.of("xffType")));

    private final Record record;
    private final Fields raw;
    private final Fields computed;
    private final EcsDocument doc = new EcsDocument();
    private final Set<String> usedRaw = new HashSet<>();
    private final Set<String> usedComputed = new HashSet<>();
    private int ianaNumber = -1;

    EcsMapping(Record record) {
        this.record = record;
        this.raw = record.fields();
        this.computed = record.computed();
    }

    EcsDocument map() {
        doc.put("@timestamp", timestamp());
        doc.put("ecs.version", EcsFormatter.ECS_VERSION);
        doc.put("event.module", "cisco_firepower");
        doc.put("event.dataset", EcsFormatter.dataset(record.family()));
        doc.put("event.code", Integer.toString(record.recordType()));
        doc.put("event.provider", record.name());
        doc.put("observer.vendor", "Cisco");
        doc.put("observer.product", "Firepower");
        doc.put("observer.type", "idps");
        doc.put("observer.name", name("sensor"));
        doc.put("observer.ingress.zone", name("ingressSecurityZone"));
        doc.put("observer.egress.zone", name("egressSecurityZone"));
        doc.put("observer.ingress.interface.name", name("ingressInterface"));
        doc.put("observer.egress.interface.name", name("egressInterface"));
        if (record.status() == Status.DECODED) {
            switch (record.family()) {
                case CONNECTION -> connection();
                case INTRUSION -> intrusion();
                case FILE -> file();
                case MALWARE -> malware();
                case CORRELATION -> correlation();
                case DISCOVERY -> discovery();
                case IMPACT -> impact();
                case USER, VPN -> user();
                default -> kind("event", null, "info");
            }
        } else {
            kind("event", null, "info");
            doc.put("event.outcome", "unknown");
        }
        if (!doc.has("event.kind")) {
            kind("event", null, "info");
        }
        if (record.family() == dev.estreamer.record.Family.METADATA) {
            doc.put("event.kind", "enrichment");
        }
        user("user.name", name("user"));
        network();
        vendor();
        return doc;
    }

    // ---- families ----

    private void connection() {
        endpoints("initiatorIpAddress", "initiatorPort", "responderIpAddress", "responderPort", "protocol");
        long first = num("firstPacketTimestamp");
        long last = num("lastPacketTimestamp");
        boolean denied = isDenied(peek("firewallRuleAction"));
        if (last > 0) {
            kind("event", "network", "connection", "end", denied ? "denied" : "allowed");
            doc.put("event.action", "connection-finished");
        } else {
            kind("event", "network", "connection", "start", denied ? "denied" : "allowed");
            doc.put("event.action", "connection-started");
        }
        doc.put("event.outcome", denied ? "failure" : "success");
        if (first > 0) {
            doc.put("event.start", Instant.ofEpochSecond(first).toString());
        }
        if (last > 0) {
            doc.put("event.end", Instant.ofEpochSecond(last).toString());
            if (first > 0 && last >= first) {
                doc.put("event.duration", (last - first) * 1_000_000_000L);
            }
        }
        long sb = num("initiatorTransmittedBytes");
        long db = num("responderTransmittedBytes");
        long sp = num("initiatorTransmittedPackets");
        long dp = num("responderTransmittedPackets");
        doc.put("source.bytes", sb);
        doc.put("destination.bytes", db);
        doc.put("source.packets", sp);
        doc.put("destination.packets", dp);
        doc.put("network.bytes", sb + db);
        doc.put("network.packets", sp + dp);
        nat("source.nat", "natInitiatorIp", "natInitiatorPort");
        nat("destination.nat", "natResponderIp", "natResponderPort");
        geo("source", "sourceIpCountry", "initiatorCountry");
        geo("destination", "destinationIpCountry", "responderCountry");
        doc.put("rule.id", positive("ruleId"));
        doc.put("rule.name", name("firewallRule"));
        doc.put("rule.ruleset", name("firewallPolicy"));
        url(text("clientUrl"));
        doc.put("url.domain", doc.has("url.domain") ? null : text("referencedHost"));
        doc.put("user_agent.original", text("userAgent"));
        doc.put("http.request.referrer", text("httpReferrer"));
        doc.put("http.response.status_code", positive("httpResponse"));
        doc.put("dns.question.name", text("dnsQuery"));
        doc.put("dns.question.type", name("dnsRecordName"));
        doc.put("dns.response_code", name("dnsResponseName"));
        doc.put("tls.client.server_name", text("sslServerName"));
        doc.put("tls.version", name("sslVersion"));
        String cipher = name("sslCipherSuite");
        doc.put("tls.cipher", "TLS_NULL_WITH_NULL_NULL".equals(cipher) ? null : cipher);
        String certificate = text("sslCertificateFingerprint");
        if (certificate != null && certificate.length() == 40 && !isZeroText(certificate)) {
            certificate = certificate.toUpperCase(Locale.ROOT); // ECS writes hashes of certificates in upper case
            doc.put("tls.server.hash.sha1", certificate);
            doc.add("related.hash", certificate);
        }
        long vlan = num("vlanId");
        doc.put("network.vlan.id", vlan > 0 ? Long.toString(vlan) : null);
    }

    private void intrusion() {
        endpoints("sourceIpAddress", "sourcePortOrIcmpType", "destinationIpAddress", "destinationPortOrIcmpType",
                "ipProtocolId");
        long blocked = num("blocked");
        kind("alert", "intrusion_detection", "info", blocked == 1 ? "denied" : "allowed");
        doc.add("event.category", "network");
        doc.put("event.action", "intrusion-detected");
        doc.put("event.outcome", blocked == 1 ? "failure" : "success");
        doc.put("event.id", positive("eventId"));
        doc.put("event.severity", positive("priorityId"));
        doc.put("rule.id", positive("ruleId"));
        doc.put("rule.version", positive("ruleRevision"));
        doc.put("rule.name", name("message"));
        doc.put("message", name("message"));
        doc.put("rule.category", name("classificationName"));
        doc.put("rule.ruleset", name("idsPolicy"));
        doc.put("rule.reference", name("renderedId"));
        geo("source", "sourceIpCountry", "sourceCountry");
        geo("destination", "destinationIpCountry", "destinationCountry");
        doc.put("url.domain", text("httpHostname"));
        doc.put("url.path", text("httpURI"));
        doc.put("http.response.status_code", positive("httpResponse"));
        long vlan = num("vlanId");
        doc.put("network.vlan.id", vlan > 0 ? Long.toString(vlan) : null);
    }

    private void file() {
        endpoints("sourceIpAddress", "sourcePort", "destinationIpAddress", "destinationPort", "protocol");
        String disposition = peek("disposition");
        boolean malware = record.recordType() == 502;
        boolean malicious = isMalicious(disposition);
        kind(malware && malicious ? "alert" : "event", "file", "info");
        if (malware) {
            doc.add("event.category", "malware");
        }
        doc.put("event.action", malware ? "malware-detected" : "file-detected");
        fileFields("fileName", null, "shaHash", "fileSize");
        url(text("uri"));
        geo("source", "sourceIpCountry", "sourceCountry");
        geo("destination", "destinationIpCountry", "destinationCountry");
        doc.put("rule.ruleset", name("filePolicy"));
        doc.put("http.response.status_code", positive("httpResponse"));
    }

    private void malware() {
        endpoints("sourceIpAddress", "sourcePort", "destinationIpAddress", "destinationPort", "protocol");
        String disposition = peek("disposition");
        kind(isMalicious(disposition) ? "alert" : "event", "malware", "info");
        doc.add("event.category", "file");
        doc.put("event.action", "malware-detected");
        fileFields("fileName", "filePath", "fileShaHash", "fileSize");
        String detection = name("detectionName");
        doc.put("threat.software.name", detection == null ? text("detectionName") : detection);
        usedRaw.add("detectionName");
        String agent = uuid("agentUuid");
        doc.put("host.id", agent);
        user("user.name", text("user"));
        url(text("uri"));
        geo("source", "sourceIpCountry", "sourceCountry");
        geo("destination", "destinationIpCountry", "destinationCountry");
        doc.put("rule.ruleset", name("filePolicy"));
    }

    private void correlation() {
        String src = firstAddress("sourceIpv6Address", "sourceIp");
        String dst = firstAddress("destinationIpv6Address", "destinationIp");
        endpoints(src, "sourcePort", dst, "destinationPort", "ipProtocol");
        kind("alert", "threat", "indicator");
        doc.add("event.category", "intrusion_detection");
        doc.put("event.action", "correlation-rule-triggered");
        doc.put("event.id", positive("eventId"));
        doc.put("event.severity", positive("priority"));
        doc.put("rule.id", positive("ruleId"));
        doc.put("rule.name", name("correlationRule"));
        doc.put("rule.ruleset", name("correlationPolicy"));
        doc.put("message", text("eventDescription"));
        user("source.user.name", name("sourceUser"));
        user("destination.user.name", name("destinationUser"));
        geo("source", "sourceIpCountry", "sourceCountry");
        geo("destination", "destinationIpCountry", "destinationCountry");
        url(text("url"));
    }

    private void discovery() {
        kind("event", "host", "info");
        doc.add("event.type", "change");
        doc.put("event.action", slug(peek("eventDescription")));
        String ip = address("hostIpAddr");
        doc.put("host.ip", ip);
        doc.add("related.ip", ip);
        doc.put("host.mac", mac("macAddress"));
        String type = name("hostType"); // New Host's profile and Router/Bridge, named by the enrichment
        doc.put("host.type", type == null ? null : type.toLowerCase(Locale.ROOT));
        switch (record.recordType()) {
            case 10 -> { // New Host: its profile is also kept whole under cisco.firepower.hostProfile
                Object profile = raw.get("hostProfile");
                if (profile instanceof Fields p) {
                    doc.put("host.name", nonEmpty(p.get("netbios")));
                    long vlan = p.get("vlanPresence") instanceof Long present && present != 0
                            && p.get("vlanId") instanceof Long id ? id : 0;
                    doc.put("network.vlan.id", vlan > 0 ? Long.toString(vlan) : null);
                }
            }
            case 42 -> doc.put("host.name", text("value")); // NetBIOS Name Change
            case 34 -> { // VLAN Tag Information Update
                long vlan = num("id");
                doc.put("network.vlan.id", vlan > 0 ? Long.toString(vlan) : null);
            }
            case 101 -> os(name("osName"), peek("osVendor"), name("osVersion")); // New OS, named from metadata 54
            case 74 -> os(text("product"), nonEmpty(raw.get("vendor")), text("version")); // User Set OS: names in it
            default -> {
            }
        }
    }

    /**
     * {@code host.os.name}, {@code version} and {@code full} ("vendor name version", what is known of it). ECS has
     * no OS vendor field, so the vendor also stays under {@code cisco.firepower.*}.
     */
    private void os(String name, String vendor, String version) {
        doc.put("host.os.name", name);
        doc.put("host.os.version", version);
        if (name != null) {
            StringBuilder full = new StringBuilder();
            if (vendor != null && !name.startsWith(vendor)) {
                full.append(vendor).append(' ');
            }
            full.append(name);
            if (version != null) {
                full.append(' ').append(version);
            }
            doc.put("host.os.full", full.toString());
        }
    }

    /** A string or string block's text when not empty, without marking anything used. */
    private static String nonEmpty(Object v) {
        if (v instanceof Fields f) {
            v = f.get("data");
        }
        return v instanceof String s && !s.isEmpty() ? s : null;
    }

    private void impact() {
        endpoints("sourceIpAddress", null, "destinationIpAddress", null, null);
        kind("alert", "intrusion_detection", "info");
        doc.put("event.action", "impact-flagged");
        doc.put("event.id", positive("eventId"));
        doc.put("event.severity", positive("impact"));
        doc.put("message", name("description"));
    }

    private void user() {
        int type = record.recordType();
        // a login and a VPN session's start are session starts, a VPN logoff its end (ECS allows these for both
        // categories); the other user records (dropped, removed, identified) are information
        kind("event", "authentication", type == 95 || type == 170 ? "start" : type == 171 ? "end" : "info");
        doc.add("event.category", "session");
        doc.put("event.outcome", Logins.outcome(type, raw.get("authType")));
        if (type == 171 && computed.get("connectionDuration") instanceof Long seconds && seconds > 0) {
            doc.put("event.duration", seconds * 1_000_000_000L); // ECS durations are nanoseconds
        }
        String ip = firstAddress("ipAddress", "ipv6Address", "ipv4Address");
        doc.put("source.ip", ip);
        doc.add("related.ip", ip);
        user("user.name", text("username"));
        doc.put("user.domain", text("domain"));
        doc.put("user.email", text("email"));
        doc.put("event.action", switch (record.recordType()) {
            case 92 -> "user-dropped";
            case 93 -> "user-removed";
            case 94 -> "user-identified";
            case 95 -> "logged-in";
            case 170 -> "vpn-logged-in";
            case 171 -> "vpn-logged-out";
            default -> null;
        });
    }

    // ---- shared pieces ----

    private void kind(String kind, String category, String... types) {
        doc.put("event.kind", kind);
        doc.add("event.category", category);
        for (String t : types) {
            doc.add("event.type", t);
        }
    }

    /** Source and destination from raw field names (or literal addresses when they were resolved already). */
    private void endpoints(String srcField, String srcPortField, String dstField, String dstPortField, String protoField) {
        String src = srcField == null ? null : raw.get(srcField) != null ? address(srcField) : literalOrNull(srcField);
        String dst = dstField == null ? null : raw.get(dstField) != null ? address(dstField) : literalOrNull(dstField);
        long sport = srcPortField == null ? -1 : num(srcPortField);
        long dport = dstPortField == null ? -1 : num(dstPortField);
        long proto = protoField == null ? -1 : num(protoField);
        doc.put("source.ip", src);
        doc.put("destination.ip", dst);
        doc.add("related.ip", src);
        doc.add("related.ip", dst);
        if (proto != 1 && proto != 58) { // ICMP carries type and code in the port fields
            doc.put("source.port", sport >= 0 && srcPortField != null && raw.get(srcPortField) != null ? sport : null);
            doc.put("destination.port", dport >= 0 && dstPortField != null && raw.get(dstPortField) != null ? dport : null);
        }
        if (proto >= 0 && protoField != null && raw.get(protoField) != null) {
            doc.put("network.iana_number", Long.toString(proto));
            ianaNumber = (int) proto;
            if (src != null && dst != null && sport >= 0 && dport >= 0) {
                doc.put("network.community_id", CommunityId.of(src, sport, dst, dport, proto));
            }
        }
        String any = src != null ? src : dst;
        if (any != null) {
            doc.put("network.type", any.contains(":") ? "ipv6" : "ipv4");
        }
    }

    private String literalOrNull(String value) {
        return CommunityId.literal(value) == null ? null : value;
    }

    private void network() {
        String transport = name("transportProtocol");
        if (transport == null && doc.has("network.iana_number")) {
            transport = switch (ianaNumber) {
                case 1 -> "icmp";
                case 6 -> "tcp";
                case 17 -> "udp";
                case 47 -> "gre";
                case 50 -> "esp";
                case 58 -> "ipv6-icmp";
                case 132 -> "sctp";
                default -> null;
            };
        }
        doc.put("network.transport", transport == null ? null : transport.toLowerCase(Locale.ROOT));
        String protocol = name("applicationProtocol");
        doc.put("network.protocol", protocol == null ? null : protocol.toLowerCase(Locale.ROOT));
        doc.add("network.application", lower(name("clientApplication")));
        doc.add("network.application", lower(name("webApplication")));
    }

    private void nat(String prefix, String ipField, String portField) {
        String ip = address(ipField);
        if (ip != null) {
            doc.put(prefix + ".ip", ip);
            doc.add("related.ip", ip);
            long port = num(portField);
            doc.put(prefix + ".port", port > 0 ? port : null);
        } else {
            usedRaw.add(portField);
        }
    }

    private void geo(String prefix, String computedName, String rawId) {
        usedRaw.add(rawId);
        String country = name(computedName);
        doc.put(prefix + ".geo.country_name", country);
    }

    private void fileFields(String nameField, String pathField, String shaField, String sizeField) {
        doc.put("file.name", text(nameField));
        if (pathField != null) {
            doc.put("file.path", text(pathField));
        }
        String sha = text(shaField);
        if (sha != null && sha.length() == 64 && !sha.chars().allMatch(c -> c == '0')) {
            sha = sha.toLowerCase(Locale.ROOT);
            doc.put("file.hash.sha256", sha);
            doc.add("related.hash", sha);
        }
        Object size = raw.get(sizeField);
        usedRaw.add(sizeField);
        if (size instanceof Long l && l >= 0) {
            doc.put("file.size", l);
        }
    }

    private void url(String url) {
        if (url == null) {
            return;
        }
        doc.put("url.original", url);
        try {
            URI uri = new URI(url);
            doc.put("url.scheme", uri.getScheme());
            doc.put("url.domain", uri.getHost());
            doc.put("url.path", uri.getRawPath());
            doc.put("url.query", uri.getRawQuery());
            if (uri.getPort() > 0) {
                doc.put("url.port", (long) uri.getPort());
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            // url.original keeps it; the parts are best effort
        }
    }

    private void user(String path, String name) {
        if (name != null && !name.startsWith("No Authentication")) {
            doc.put(path, name);
            doc.add("related.user", name);
        }
    }

    /** Everything not mapped above: computed names first, then raw fields without a computed counterpart. */
    private void vendor() {
        doc.put("cisco.firepower.record_type", (long) record.recordType());
        doc.put("cisco.firepower.record_type_description", record.name());
        doc.put("cisco.firepower.record_type_category", record.category());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < computed.size(); i++) {
            String n = computed.name(i);
            names.add(n);
            if (!usedComputed.contains(n) && !NOISE.contains(n)) {
                Object v = plain(computed.value(i));
                doc.put("cisco.firepower." + n, v);
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            String n = raw.name(i);
            if (!usedRaw.contains(n) && !names.contains(n) && !NOISE.contains(n) && !n.equals("_")
                    && !isZeroText(raw.value(i)) && !resolved(n)) {
                doc.put("cisco.firepower." + n, plain(raw.value(i)));
            }
        }
    }

    /** Whether enrichment resolved this raw id into a name the record carries. */
    private boolean resolved(String rawName) {
        List<String> names = ID_NAMES.get(rawName);
        if (names == null) {
            return false;
        }
        for (String n : names) {
            if (computed.get(n) != null) {
                return true;
            }
        }
        return false;
    }

    /** The all-zero UUIDs, hex strings, MACs and "::" the FMC writes for "not set". */
    private static boolean isZeroText(Object v) {
        if (!(v instanceof String s) || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '-' && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static Object plain(Object v) {
        if (v instanceof Fields f) {
            Object data = f.get("data");
            if (data != null) {
                return data;
            }
            // a nested block (or a list's header and items): an object for the flattened vendor field
            java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
            for (int i = 0; i < f.size(); i++) {
                object.put(f.name(i), plain(f.value(i)));
            }
            return object;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(EcsMapping::plain).toList();
        }
        return v;
    }

    // ---- field access ----

    private String timestamp() {
        long second = positive(computed.get("eventSecond"));
        long micros = positive(computed.get("eventMicrosecond"));
        if (second == 0) {
            for (String[] pair : new String[][] {{"eventSecond", "eventMicrosecond"}, {"fileEventTimestamp", null},
                    {"malwareEventTimestamp", null}, {"triggerEventSecond", "triggerEventMicrosecond"},
                    {"correlationEventSecond", null}, {"timestamp", null}}) {
                second = positive(raw.get(pair[0]));
                if (second > 0) {
                    micros = pair[1] == null ? 0 : positive(raw.get(pair[1]));
                    break;
                }
            }
        }
        if (second == 0) {
            second = Math.max(0, record.archiveTimestamp());
        }
        return Instant.ofEpochSecond(second, micros > 0 && micros < 1_000_000 ? micros * 1000 : 0).toString();
    }

    private static long positive(Object v) {
        return v instanceof Long l && l > 0 ? l : 0;
    }

    /** A raw number (0 when absent), marked used. */
    private long num(String field) {
        usedRaw.add(field);
        Object v = raw.get(field);
        return v instanceof Long l ? l : 0;
    }

    /** A raw number when positive, else null. */
    private Long positive(String field) {
        long v = num(field);
        return v > 0 ? v : null;
    }

    /** A raw string or string block's text, null when empty. */
    private String text(String field) {
        usedRaw.add(field);
        return nonEmpty(raw.get(field));
    }

    /** A resolved (computed) name, null when absent or one of the metadata's "nothing" words. */
    private String name(String field) {
        usedComputed.add(field);
        Object v = computed.get(field);
        if (!(v instanceof String s) || s.isEmpty() || EMPTY_NAMES.contains(s.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return s;
    }

    /**
     * A resolved name read only to classify the event (allowed/denied, malicious or not): unlike
     * {@link #name}, it is not marked used, so it still reaches {@code cisco.firepower.*}.
     */
    private String peek(String field) {
        Object v = computed.get(field);
        if (!(v instanceof String s) || s.isEmpty() || EMPTY_NAMES.contains(s.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return s;
    }

    private String address(String field) {
        String ip = text(field);
        return ip == null || ip.equals("::") || ip.equals("0.0.0.0") ? null : ip;
    }

    private String firstAddress(String... fields) {
        for (String f : fields) {
            String ip = address(f);
            if (ip != null) {
                return ip;
            }
        }
        return null;
    }

    private String uuid(String field) {
        String u = text(field);
        return u == null || u.equals(ZERO_UUID) ? null : u;
    }

    private String mac(String field) {
        String m = text(field);
        if (m == null || m.equals("00:00:00:00:00:00")) {
            return null;
        }
        return m.toUpperCase(Locale.ROOT).replace(':', '-');
    }

    private static boolean isDenied(String action) {
        if (action == null) {
            return false;
        }
        String a = action.toLowerCase(Locale.ROOT);
        return a.contains("block") || a.contains("deny") || a.contains("reset");
    }

    private static boolean isMalicious(String disposition) {
        return disposition != null && (disposition.equalsIgnoreCase("Malware")
                || disposition.equalsIgnoreCase("Custom Detection"));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String slug(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
