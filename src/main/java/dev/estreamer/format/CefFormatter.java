package dev.estreamer.format;

import dev.estreamer.record.Family;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;

import java.util.Objects;

/**
 * ArcSight Common Event Format, one message per event record, without a syslog header (the sink adds it).
 *
 * <p>Device Event Class IDs, names and severities are eNcore's ({@code RNA:1003:1}, {@code INTRUSION:400:gid:sid},
 * {@code PV:112:rule:policy}, {@code FireAMP:125:1}, {@code File:500:1}, {@code FileMalware:502:1}, {@code PKT:2:1},
 * {@code INTRUSION_EXTRA:110:1}) so ArcSight content written for eNcore keeps matching; impact alerts (9) and
 * discovery events get ids of the same shape. Names come from enrichment ({@link Record#computed()}) with the
 * raw id as fallback; metadata, unknown and undecodable records produce nothing. See docs/cef.md for the full
 * mapping and for what differs from eNcore.
 */
public final class CefFormatter implements Formatter {
    private static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";
    /** Longest packet payload text put in cs1 (CEF custom strings hold 4000 characters in v25, 1023 before). */
    static final int PACKET_TEXT_MAX = 1023;
    private static final int[][] MATRIX = {{10, 9, 7, 8, 9}, {7, 6, 4, 5, 6}, {3, 2, 0, 1, 2}};
    private static final int SLOTS = 256;
    private static final ThreadLocal<CefLine> LINE = ThreadLocal.withInitial(CefLine::new);

    private final CefOptions options;
    private final Slot[] fieldSlots = new Slot[SLOTS];
    private final Slot[] computedSlots = new Slot[SLOTS];

    public CefFormatter(CefOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    public CefFormatter() {
        this(CefOptions.DEFAULTS);
    }

    public CefOptions options() {
        return options;
    }

    @Override
    public byte[] format(Record record) {
        CefLine line = build(record);
        return line == null ? null : line.bytes();
    }

    /**
     * The CEF message of a record, or null when the record has no CEF form: the bytes of {@link #format} as text
     * (a lone UTF-16 surrogate in event text, which UTF-8 cannot carry, reads as {@code ?}).
     */
    public String render(Record record) {
        CefLine line = build(record);
        return line == null ? null : line.toString();
    }

    private CefLine build(Record record) {
        if (record.status() != Status.DECODED || record.family() == Family.METADATA
                || record.family() == Family.UNKNOWN) {
            return null;
        }
        CefLine line = LINE.get();
        View v = new View(record, fieldSlots, computedSlots);
        switch (record.recordType()) {
            case 71 -> connection(line, v);
            case 400 -> intrusion(line, v);
            case 112 -> correlation(line, v);
            case 125 -> malware(line, v);
            case 500, 502 -> file(line, v, record.recordType());
            case 2 -> packet(line, v);
            case 110 -> extraData(line, v);
            case 9 -> impact(line, v);
            default -> other(line, v, record);
        }
        return line;
    }

    // --- families ----------------------------------------------------------------------------------------

    private void connection(CefLine line, View v) {
        long action = v.num("ruleAction", 0);
        line.header(options.deviceVersion(), "RNA:1003:1", "CONNECTION STATISTICS", action < 4 ? 3 : 7);
        line.put("rt", v.millis("firstPacketTimestamp"));
        line.put("start", v.millis("firstPacketTimestamp"));
        line.put("end", v.millis("lastPacketTimestamp"));
        addresses(line, v.text("initiatorIpAddress"), v.text("responderIpAddress"));
        line.put("spt", v.raw("initiatorPort"));
        line.put("dpt", v.raw("responderPort"));
        line.put("proto", options.encoreCompatible() ? v.raw("protocol") : v.nameOr("transportProtocol", "protocol"));
        line.put("act", v.nameOr("firewallRuleAction", "ruleAction"));
        line.put("reason", v.nameOr("firewallRuleReason", "ruleReason"));
        line.put("app", v.nameOr("applicationProtocol", "applicationId"));
        line.put("requestClientApplication", v.nameOr("clientApplication", "clientApplicationId"));
        line.put("request", v.text("clientUrl"));
        line.put("destinationDnsDomain", v.text("dnsQuery"));
        line.put("suser", v.nameOr("user", "userId"));
        Object initiatorBytes = v.raw("initiatorTransmittedBytes");
        Object responderBytes = v.raw("responderTransmittedBytes");
        // CEF: bytesIn is data flowing from source to destination, i.e. what the initiator sent.
        line.put("bytesIn", options.encoreCompatible() ? responderBytes : initiatorBytes);
        line.put("bytesOut", options.encoreCompatible() ? initiatorBytes : responderBytes);
        line.put("externalId", v.raw("connectionCounter"));
        line.put("dvcpid", v.raw("instanceId"));
        device(line, v);
        line.put("deviceInboundInterface", v.nameOr("ingressInterface", "ingressInterface"));
        line.put("deviceOutboundInterface", v.nameOr("egressInterface", "egressInterface"));
        line.custom("cs1", "fwPolicy", v.nameOr("firewallPolicy", "policyRevision"));
        line.custom("cs2", "fwRule", v.nameOr("firewallRule", "ruleId"));
        line.custom("cs3", "ingressZone", v.nameOr("ingressSecurityZone", "ingressZone"));
        line.custom("cs4", "egressZone", v.nameOr("egressSecurityZone", "egressZone"));
        line.custom("cs5", "secIntelCategory", v.nameOr("securityIntelligenceList1", "securityIntelligenceList1"));
        line.custom("cn1", "vlan", v.raw("vlanId"));
        if ("Yes".equals(v.computed("securityIntelligenceEvent"))) {
            line.put("cat", "Security Intelligence");
        }
    }

    private void intrusion(CefLine line, View v) {
        Object gid = v.raw("generatorId");
        Object sid = v.computedOr("renderedId", v.raw("ruleId"));
        String name = v.computedText("message");
        line.header(options.deviceVersion(), "INTRUSION:400:" + gid + ":" + sid,
                name != null ? name : "Intrusion Event " + gid + ":" + sid,
                matrix(v.num("priorityId", -1), v.num("impact", -1)));
        line.put("rt", v.millis("eventSecond", "eventMicrosecond"));
        line.put("start", v.millis("connectionTimestamp"));
        addresses(line, v.text("sourceIpAddress"), v.text("destinationIpAddress"));
        line.put("spt", v.raw("sourcePortOrIcmpType"));
        line.put("dpt", v.raw("destinationPortOrIcmpType"));
        line.put("proto", v.nameOr("transportProtocol", "ipProtocolId"));
        line.put("act", blockedAction(v));
        line.put("cat", v.nameOr("classificationDescription", "classificationId"));
        line.put("externalId", v.raw("eventId"));
        line.put("app", v.nameOr("applicationProtocol", "applicationId"));
        line.put("requestClientApplication", v.nameOr("clientApplication", "clientApplicationId"));
        line.put("suser", v.nameOr("user", "userId"));
        line.put("dvcpid", v.raw("connectionInstanceId"));
        device(line, v);
        line.put("deviceInboundInterface", v.nameOr("ingressInterface", "interfaceIngressUuid"));
        line.put("deviceOutboundInterface", v.nameOr("egressInterface", "interfaceEgressUuid"));
        line.custom("cs1", "fwPolicy", v.nameOr("firewallPolicy", "accessControlPolicyUuid"));
        line.custom("cs2", "fwRule", v.nameOr("firewallRule", "accessControlRuleId"));
        line.custom("cs3", "ingressZone", v.nameOr("ingressSecurityZone", "securityZoneIngressUuid"));
        line.custom("cs4", "egressZone", v.nameOr("egressSecurityZone", "securityZoneEgressUuid"));
        line.custom("cs5", "ipsPolicy", v.nameOr("idsPolicy", "policyUuid"));
        line.custom("cs6", "ruleId", sid);
        line.custom("cn1", "vlan", v.raw("vlanId"));
        line.custom("cn2", "impact", v.raw("impact"));
    }

    private void correlation(CefLine line, View v) {
        line.header(options.deviceVersion(), "PV:112:" + v.raw("ruleId") + ":" + v.raw("policyId"), "POLICY VIOLATION",
                matrix(v.num("priority", -1), v.computed("impact") instanceof Long l ? l : -1));
        line.put("rt", v.millis("correlationEventSecond"));
        String src = v.text("sourceIpv6Address");
        String dst = v.text("destinationIpv6Address");
        addresses(line, isNone(src) ? v.text("sourceIp") : src, isNone(dst) ? v.text("destinationIp") : dst);
        line.put("spt", v.raw("sourcePort"));
        line.put("dpt", v.raw("destinationPort"));
        line.put("proto", v.nameOr("transportProtocol", "ipProtocol"));
        line.put("act", v.nameOr("blocked", "blocked"));
        line.put("msg", v.text("eventDescription"));
        line.put("externalId", v.raw("eventId"));
        line.put("suser", v.nameOr("sourceUser", "sourceUserId"));
        line.put("duser", v.nameOr("destinationUser", "destinationUserId"));
        line.put("deviceExternalId", v.raw("deviceId"));
        Object eventDevice = v.nameOr("sensor", "eventDeviceId");
        line.put("dvchost", eventDevice != null ? eventDevice : v.raw("deviceId"));
        line.put("deviceInboundInterface", v.nameOr("ingressInterface", "ingressIntefaceUuid"));
        line.put("deviceOutboundInterface", v.nameOr("egressInterface", "egressIntefaceUuid"));
        line.custom("cs1", "policy", v.nameOr("correlationPolicy", "policyId"));
        line.custom("cs2", "policyRule", v.nameOr("correlationRule", "ruleId"));
        line.custom("cs3", "ingressZone", v.nameOr("ingressSecurityZone", "ingressZoneUuid"));
        line.custom("cs4", "egressZone", v.nameOr("egressSecurityZone", "egressZoneUuid"));
        line.custom("cn1", "vlan", v.raw("sourceVlanId"));
        line.custom("cn2", "impact", v.computed("impact"));
    }

    private void malware(CefLine line, View v) {
        line.header(options.deviceVersion(), "FireAMP:125:1", "FireAMP Event", threatSeverity(v));
        line.put("rt", v.millis("malwareEventTimestamp"));
        line.put("start", v.millis("connectionEventTimestamp"));
        addresses(line, v.text("sourceIpAddress"), v.text("destinationIpAddress"));
        line.put("spt", v.raw("sourcePort"));
        line.put("dpt", v.raw("destinationPort"));
        line.put("proto", v.nameOr("transportProtocol", "protocol"));
        line.put("act", v.nameOr("fileAction", "action"));
        line.put("outcome", v.nameOr("malwareEventType", "eventTypeId"));
        line.put("app", v.nameOr("applicationProtocol", "applicationId"));
        line.put("requestClientApplication", v.nameOr("clientApplication", "clientApplicationId"));
        line.put("request", v.text("uri"));
        line.put("suser", v.computedOr("user", v.text("user")));
        line.put("duser", v.nameOr("agentUser", "userId"));
        line.put("fname", v.text("fileName"));
        line.put("filePath", v.text("filePath"));
        line.put("fileHash", v.text("fileShaHash"));
        line.put("fsize", v.raw("fileSize"));
        line.put("fileType", v.nameOr("fileType", "fileType"));
        line.put("fileCreateTime", v.millis("fileTimestamp"));
        line.put("sproc", v.text("parentFileName"));
        line.put("deviceDirection", v.raw("direction"));
        line.put("dvcpid", v.raw("connectionInstance"));
        device(line, v);
        line.custom("cs1", "policy", v.nameOr("filePolicy", "accessControlPolicyUuid"));
        String detection = v.text("detectionName");
        line.custom("cs2", "virusName", detection != null ? detection : v.computed("detectionName"));
        line.custom("cs3", "disposition", v.nameOr("disposition", "disposition"));
        line.custom("cs4", options.encoreCompatible() ? "speroDisposition" : "retroDisposition",
                v.nameOr("retroDisposition", "retroDisposition"));
        line.custom("cs5", "eventDescription", v.text("eventDescription"));
    }

    private void file(CefLine line, View v, int type) {
        line.header(options.deviceVersion(), type == 500 ? "File:500:1" : "FileMalware:502:1",
                type == 500 ? "File Event" : "File Malware Event", threatSeverity(v));
        line.put("rt", v.millis("fileEventTimestamp"));
        line.put("start", v.millis("connectionTimestamp"));
        addresses(line, v.text("sourceIpAddress"), v.text("destinationIpAddress"));
        line.put("spt", v.raw("sourcePort"));
        line.put("dpt", v.raw("destinationPort"));
        line.put("proto", v.nameOr("transportProtocol", "protocol"));
        line.put("act", v.nameOr("fileAction", "action"));
        line.put("app", v.nameOr("applicationProtocol", "applicationId"));
        line.put("requestClientApplication", v.nameOr("clientApplication", "clientApplicationId"));
        line.put("request", v.text("uri"));
        line.put("suser", v.nameOr("user", "userId"));
        line.put("fname", v.text("fileName"));
        String sha = v.text("shaHash");
        line.put("fileHash", sha == null || sha.chars().allMatch(c -> c == '0') ? null : sha);
        line.put("fsize", v.raw("fileSize"));
        line.put("fileType", v.nameOr("fileType", "fileTypeId"));
        line.put("deviceDirection", v.raw("direction"));
        line.put("dvcpid", v.raw("connectionInstance"));
        device(line, v);
        line.custom("cs1", "filePolicy", v.nameOr("filePolicy", "accessControlPolicyUuid"));
        line.custom("cs2", "disposition", v.nameOr("disposition", "disposition"));
        line.custom("cs3", "speroDisposition", v.nameOr("speroDisposition", "speroDisposition"));
        line.custom("cs4", "signature", v.text("signature"));
    }

    private void packet(CefLine line, View v) {
        line.header(options.deviceVersion(), "PKT:2:1", "Packet Data", 7);
        line.put("rt", v.millis("eventSecond"));
        line.put("start", v.millis("packetSecond", "packetMicrosecond"));
        line.put("externalId", v.raw("eventId"));
        device(line, v);
        line.custom("cs1", "payload", PacketText.payload(v.num("linkType", -1), v.text("packetData"), PACKET_TEXT_MAX));
    }

    private void extraData(CefLine line, View v) {
        line.header(options.deviceVersion(), "INTRUSION_EXTRA:110:1", "INTRUSION EXTRA DATA", 7);
        line.put("rt", v.millis("eventSecond"));
        line.put("externalId", v.raw("eventId"));
        device(line, v);
        line.custom("cs1", "extraDataType", v.nameOr("xffType", "type"));
        line.custom("cs2", "extraData", PacketText.blobText(v.text("blob")));
        line.custom("cn1", "extraDataTypeId", v.raw("type"));
    }

    private void impact(CefLine line, View v) {
        Object level = v.computed("impact");
        long impact = level instanceof Long l ? l : -1;
        int severity = impact == 1 ? 9 : impact == 2 ? 7 : impact == 3 ? 3 : 5;
        line.header(options.deviceVersion(), "IMPACT:9:" + (impact < 0 ? 0 : impact), "Intrusion Impact Alert", severity);
        line.put("rt", v.millis("eventSecond"));
        addresses(line, v.text("sourceIpAddress"), v.text("destinationIpAddress"));
        line.put("externalId", v.raw("eventId"));
        line.put("msg", v.computedOr("description", v.text("description")));
        device(line, v);
        line.custom("cn2", "impact", level);
    }

    /** Discovery (RNA), user and any other decoded event without a dedicated mapping. */
    private void other(CefLine line, View v, Record record) {
        Object type = v.raw("eventType");
        Object subtype = v.raw("eventSubtype");
        String prefix = switch (record.family()) {
            case USER, VPN -> "USER";
            case DISCOVERY -> "RNA";
            default -> record.category().replace(' ', '_');
        };
        String sig = type != null && subtype != null ? prefix + ":" + type + ":" + subtype
                : prefix + ":" + record.recordType() + ":1";
        String name = v.computedText("eventDescription");
        line.header(options.deviceVersion(), sig, name != null ? name : record.name(), 3);
        line.put("rt", v.computed("eventSecond") instanceof Long s ? s * 1000 : null);
        boolean user = record.family() == Family.USER || record.family() == Family.VPN;
        String host = v.text("hostIpAddr");
        // a user's own address when the header has none; for a VPN session the client's public address, with the
        // address the VPN assigned it as the translated one
        String assigned = user ? firstReal(v.text("ipv4Address"), v.text("ipv6Address"), v.text("ipAddress")) : null;
        String client = user ? v.computedText("clientIp") : null;
        boolean vpnClient = !isNone(client) && assigned != null;
        String src = vpnClient ? client : !isNone(host) ? host : assigned;
        if (src != null) {
            address(line, src, "src", "c6a2", "sourceIpv6Address");
        }
        if (vpnClient) {
            line.put("sourceTranslatedAddress", assigned);
        }
        String mac = v.text("macAddress");
        if (mac != null && !mac.equals("00:00:00:00:00:00")) {
            line.put("smac", mac);
        }
        String username = v.text("username");
        line.put("suser", username != null && !username.isEmpty() ? username : v.nameOr("user", "userId"));
        device(line, v);
        line.custom("cs1", "recordType", record.name());
        line.custom("cn1", "value", v.raw("value"));
        if (user) {
            userDetails(line, v, record.recordType());
        }
    }

    /** Logins and VPN sessions: the outcome, the VPN type, group policy and authentication type. */
    private static void userDetails(CefLine line, View v, int type) {
        line.put("outcome", Logins.outcome(type, v.raw("authType")));
        line.custom("cs2", "vpnType", v.computedText("vpnType"));
        line.custom("cs3", "groupPolicy", v.computedText("groupPolicy"));
        line.custom("cs4", "authType", v.computedText("userAuthType"));
    }

    private static String firstReal(String... addresses) {
        for (String a : addresses) {
            if (!isNone(a)) {
                return a;
            }
        }
        return null;
    }

    // --- shared pieces -----------------------------------------------------------------------------------

    private static void device(CefLine line, View v) {
        Object id = v.raw("deviceId");
        line.put("deviceExternalId", id);
        line.put("dvchost", v.computedOr("sensor", id));
    }

    /**
     * IPv4 (and IPv4-mapped) peers in src/dst; real IPv6 in c6a2/c6a3 with their labels (and in src/dst too when
     * the receiver takes IPv6 there); the all-zero address means "none".
     */
    private void addresses(CefLine line, String src, String dst) {
        address(line, src, "src", "c6a2", "sourceIpv6Address");
        address(line, dst, "dst", "c6a3", "destinationIpv6Address");
    }

    private void address(CefLine line, String ip, String key, String v6Key, String v6Label) {
        if (isNone(ip)) {
            return;
        }
        if (ip.indexOf(':') < 0) {
            line.put(key, ip);
            return;
        }
        if (options.ipv6InSourceDestination()) {
            line.put(key, ip);
        }
        line.custom(v6Key, v6Label, ip);
    }

    private static boolean isNone(String ip) {
        return ip == null || ip.isEmpty() || ip.equals("::") || ip.equals("0.0.0.0");
    }

    private static Object blockedAction(View v) {
        long blocked = v.num("blocked", -1);
        if (blocked == 0) {
            return "Alerted";
        }
        if (blocked == 1) {
            return "Blocked";
        }
        if (blocked == 2) {
            return "Would Be Blocked";
        }
        return v.nameOr("blocked", "blocked");
    }

    /** eNcore's priority (1 high .. 3 low) x impact (1..5) table; anything outside it is 5. */
    static int matrix(long priority, long impact) {
        if (priority < 1 || priority > 3 || impact < 1 || impact > 5) {
            return 5;
        }
        return MATRIX[(int) priority - 1][(int) impact - 1];
    }

    private static int threatSeverity(View v) {
        long score = v.num("threatScore", 0);
        return (int) Math.max(0, Math.min(10, score / 10));
    }

    /** Where a field name sits in one layout (-1: absent). */
    private record Slot(String name, FieldNames names, int index) {
    }

    /** Read access to a record's decoded and computed fields with CEF's notion of absent. */
    private static final class View {
        private final Fields fields;
        private final Fields computed;
        private final Slot[] fieldSlots;
        private final Slot[] computedSlots;

        View(Record record, Slot[] fieldSlots, Slot[] computedSlots) {
            this.fields = record.fields();
            this.computed = record.computed();
            this.fieldSlots = fieldSlots;
            this.computedSlots = computedSlots;
        }

        private Object field(String name) {
            return get(fields, name, fieldSlots);
        }

        private Object computedValue(String name) {
            return get(computed, name, computedSlots);
        }

        /**
         * {@code fields.get(name)} through a direct-mapped memo of (name, layout) → position: the names are the
         * formatter's string constants and a stream's records share a few layouts, so nearly every lookup is an
         * identity check instead of a hash-map probe. Entries are immutable, so threads may race on a slot.
         */
        private static Object get(Fields f, String name, Slot[] slots) {
            FieldNames names = f.names();
            int k = System.identityHashCode(name) & (slots.length - 1);
            Slot e = slots[k];
            if (e == null || e.name != name || e.names != names) {
                e = new Slot(name, names, names.indexOf(name));
                slots[k] = e;
            }
            return e.index < 0 ? null : f.value(e.index);
        }

        /** The raw value; a string block is its text. */
        Object raw(String name) {
            Object v = field(name);
            return v instanceof Fields f ? f.get("data") : v;
        }

        String text(String name) {
            Object v = raw(name);
            return v == null ? null : v.toString();
        }

        long num(String name, long absent) {
            return field(name) instanceof Long l ? l : absent;
        }

        Object computed(String name) {
            return computedValue(name);
        }

        String computedText(String name) {
            Object v = computedValue(name);
            return v == null || v.toString().isEmpty() ? null : v.toString();
        }

        Object computedOr(String name, Object fallback) {
            Object v = computedValue(name);
            return v == null || "".equals(v) ? fallback : v;
        }

        /**
         * The enriched name, else the raw id, where 0 and the all-zero UUID mean "no such thing" (these are
         * references, not measurements; measurements such as ports and byte counts use {@link #raw} and keep 0).
         */
        Object nameOr(String computedName, String rawName) {
            Object name = computedValue(computedName);
            if (name != null && !"".equals(name) && !(name instanceof Fields)) {
                return name;
            }
            Object id = raw(rawName);
            if (id instanceof Long l && l == 0) {
                return null;
            }
            if (ZERO_UUID.equals(id)) {
                return null;
            }
            return id;
        }

        /** Epoch milliseconds of a seconds field (plus a microseconds field); null when absent or 0. */
        Long millis(String seconds) {
            return field(seconds) instanceof Long s && s > 0 ? s * 1000 : null;
        }

        Long millis(String seconds, String micros) {
            Long ms = millis(seconds);
            if (ms != null && field(micros) instanceof Long us && us > 0 && us < 1_000_000) {
                return ms + us / 1000;
            }
            return ms;
        }
    }
}
