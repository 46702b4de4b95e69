package dev.estreamer.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decorates records in stream order: a metadata record updates the cache, every record comes back
 * {@link Record#withComputed(Fields) with} eNcore's {@code @computed} fields (its View's key names) plus a few
 * it lacks: {@code recordTypeFamily} (with {@code SECURITY_INTELLIGENCE} for connection events that hit a
 * Security Intelligence list), {@code domain} from the record header's netmap id.
 *
 * <p>Where eNcore prints {@code null} for an unknown device we omit {@code sensor}; an id the cache does not
 * know gives no field rather than an error. {@code eventDateTime} is UTC with a {@code Z} (eNcore used the
 * host's zone and no designator), {@code monitorRule8} is decorated like 1-7 (eNcore skipped it).
 * One instance per FMC, confined to the processor thread.
 */
public final class Enricher {
    private static final Map<Long, Map<Long, String>> RNA_EVENT_TYPES = rnaEventTypes();
    private static final String[] MONITOR_RULES = {"monitorRule1", "monitorRule2", "monitorRule3", "monitorRule4",
        "monitorRule5", "monitorRule6", "monitorRule7", "monitorRule8"};

    private final MetadataCache cache;
    private final Map<Integer, View> views = new HashMap<>();
    private final View[] viewByType = new View[1024]; // the record types with views are all below 1024
    private final View common;
    private static final int MAX_SHAPES = 4096;

    private final Computed computed = new Computed();
    private final EventTime time = new EventTime();
    private final Map<Integer, Map<FieldNames, Layout>> layouts = new HashMap<>();
    private final Map<List<String>, FieldNames> shapes = new HashMap<>();
    private int lastLayoutType = -1;
    private Layout lastLayout;
    private final Map<Object, Object> devices;
    private final Map<Object, Object> domains;
    private long metadataChanges;
    private boolean awaiting;
    // the last device and domain names (valid while the cache's version stands)
    private Object lastDevice;
    private Object lastDeviceName;
    private long deviceVersion = -1;
    private int lastNetmap = -1;
    private Object lastDomainName;
    private long domainVersion = -1;

    public Enricher(MetadataCache cache) {
        this.cache = Objects.requireNonNull(cache);
        this.devices = cache.table(Tables.DEVICES);
        this.domains = cache.table(Tables.NETMAP_DOMAINS);
        this.common = new View.Builder(cache)
                .lookup("source", Tables.SOURCE_APPS, "sourceId")
                .rule(new View.Simple("eventType", "eventSubtype") {
                    private long lastType = -1;
                    private long lastSubtype = -1;
                    private String lastName;

                    @Override
                    public void apply(Object type, Object subtype, Computed out) {
                        if (type instanceof Long t && subtype instanceof Long s) {
                            if (t != lastType || s != lastSubtype) { // a fixed table: the last answer stays true
                                Map<Long, String> names = RNA_EVENT_TYPES.get(t);
                                lastName = names == null ? null : names.get(s);
                                lastType = t;
                                lastSubtype = s;
                            }
                            out.put("eventDescription", lastName);
                        }
                    }
                })
                .build();
        defineViews();
        views.forEach((type, view) -> viewByType[type] = view);
    }

    /** The cache this enricher reads and fills. */
    public MetadataCache cache() {
        return cache;
    }

    /**
     * Whether the record last enriched or decorated carries an id that FMC metadata names (device, domain,
     * rule, policy, zone, interface, application) but the cache does not know yet. Metadata records never wait.
     */
    public boolean awaitsMetadata() {
        return awaiting;
    }

    /** How many times a layout's memo stepped aside because its inputs hardly repeated (for tests and diagnostics). */
    long memoBypasses() {
        long n = 0;
        for (Map<FieldNames, Layout> byNames : layouts.values()) {
            for (Layout l : byNames.values()) {
                n += l.bypassed();
            }
        }
        return n;
    }

    /** How many metadata records changed the cache since start. */
    public long metadataChanges() {
        return metadataChanges;
    }

    /** Stores metadata, then returns the record with its computed fields. Never throws for odd content. */
    public Record enrich(Record record) {
        if (record.status() == Status.DECODED && MetadataRecords.isMetadata(record.recordType())
                && MetadataRecords.store(record, cache)) {
            metadataChanges++;
        }
        return decorate(record);
    }

    /**
     * The record with its computed fields from the cache as it is now, without storing anything (a record held
     * for late metadata is decorated again when released; its own metadata was stored when it arrived).
     */
    public Record decorate(Record record) {
        int type = record.recordType();
        if (record.status() != Status.DECODED) {
            Computed out = begin(record);
            awaiting = false;
            return record.withComputed(new Fields(shape(out.names, out.size), Arrays.copyOf(out.values, out.size)));
        }
        Fields f = record.fields();
        Layout layout = layout(type, f.names());
        long hashed = layout.hash(f);
        long version = cache.version();
        Layout.Entry e = layout.find(f, hashed, record.netmapId(), version);
        int timeKind = time.resolve(record);
        if (e == null) {
            return compute(record, layout, hashed, version, timeKind);
        }
        awaiting = e.awaiting;
        FieldNames shape = e.shapes[timeKind];
        if (shape == null) {
            String[] names = Layout.namesWithTime(e, timeKind);
            shape = shape(names, names.length);
            e.shapes[timeKind] = shape;
        }
        Object[] values = new Object[shape.size()];
        int split = e.split;
        System.arraycopy(e.values, 0, values, 0, split);
        int at = split;
        if (timeKind != EventTime.NONE) {
            values[at++] = time.second;
            if (timeKind == EventTime.WITH_MICROS) {
                values[at++] = time.micros;
            }
            values[at++] = time.text;
        }
        System.arraycopy(e.values, split, values, at, e.values.length - split);
        return record.withComputed(new Fields(shape, values));
    }

    /** Runs the rules on the record's inputs, and remembers the answer when the layout's memo pays. */
    private Record compute(Record record, Layout layout, long hashed, long version, int timeKind) {
        int type = record.recordType();
        Object[] inputs = layout.inputs(record.fields());
        int[] slots = layout.slotKey();
        Computed out = begin(record);
        Object device = inputs[0];
        if (device != null) {
            Object name = deviceName(device);
            out.put("sensor", name);
            out.awaiting |= name == null && Tables.isRealId(device);
        }
        if (record.netmapId() != 0) {
            Object name = domainName(record.netmapId());
            out.put("domain", name);
            out.awaiting |= name == null;
        }
        common.apply(inputs, slots, 1, out);
        int split = out.size;
        if (timeKind != EventTime.NONE) {
            out.put("eventSecond", time.second);
            if (timeKind == EventTime.WITH_MICROS) {
                out.put("eventMicrosecond", time.micros);
            }
            out.put("eventDateTime", time.text);
        }
        int afterTime = out.size;
        View view = view(type);
        if (view != null) {
            view.apply(inputs, slots, 1 + common.inputCount(), out);
        }
        boolean securityIntelligence = type == 71 && "Yes".equals(out.get("securityIntelligenceEvent"));
        out.put("recordTypeFamily", securityIntelligence ? "SECURITY_INTELLIGENCE" : record.family().name());
        awaiting = out.awaiting && !MetadataRecords.isMetadata(type);
        FieldNames shape = layout.shape(out, this::shape);
        if (hashed != 0L) {
            layout.remember(inputs, hashed, record.netmapId(), version, out, split, afterTime, awaiting)
                    .shapes[timeKind] = shape;
        }
        return record.withComputed(new Fields(shape, Arrays.copyOf(out.values, out.size)));
    }

    /** The computed fields every record gets, decoded or not: its type's category and description. */
    private Computed begin(Record record) {
        Computed out = computed;
        out.reset();
        out.put("recordTypeCategory", record.category());
        out.put("recordTypeDescription", record.name());
        return out;
    }

    private View view(int type) {
        return type >= 0 && type < viewByType.length ? viewByType[type] : null;
    }

    /** The layout of a record type's inputs in one field layout; the last one is kept at hand. */
    private Layout layout(int type, FieldNames names) {
        if (type == lastLayoutType && names == lastLayout.names) {
            return lastLayout;
        }
        Map<FieldNames, Layout> byNames = layouts.computeIfAbsent(type, t -> new IdentityHashMap<>());
        Layout layout = byNames.get(names);
        if (layout == null) {
            View view = view(type);
            layout = new Layout(names, view == null ? List.of(common) : List.of(common, view));
            byNames.put(names, layout);
        }
        lastLayoutType = type;
        lastLayout = layout;
        return layout;
    }

    /**
     * One shared {@link FieldNames} per list of computed names: formatters keep per-layout state keyed on it.
     * The lists are few (which lookups resolved, which time fields exist); past a bound new ones are not kept.
     */
    private FieldNames shape(String[] names, int size) {
        List<String> key = Arrays.asList(Arrays.copyOf(names, size));
        FieldNames shape = shapes.get(key);
        if (shape == null) {
            shape = new FieldNames(key);
            if (shapes.size() < MAX_SHAPES) {
                shapes.put(key, shape);
            }
        }
        return shape;
    }

    private Object deviceName(Object device) {
        long v = cache.version();
        if (v != deviceVersion || !device.equals(lastDevice)) {
            lastDeviceName = devices.get(device);
            lastDevice = device;
            deviceVersion = v;
        }
        return lastDeviceName;
    }

    private Object domainName(int netmap) {
        long v = cache.version();
        if (v != domainVersion || netmap != lastNetmap) {
            lastDomainName = domains.get((long) netmap);
            lastNetmap = netmap;
            domainVersion = v;
        }
        return lastDomainName;
    }

    private void defineViews() {
        View.Builder connection = new View.Builder(cache);
        transport(connection, "protocol");
        applications(connection);
        connection.lookup("securityIntelligenceIp", Tables.SI_SRC_DESTS, "securityIntelligenceSourceDestination")
                .rule(new View.Simple("securityIntelligenceSourceDestination") {
                    @Override
                    public void apply(Object a, Object b, Computed out) {
                        if (a instanceof Long v) {
                            out.put("securityIntelligenceEvent", v != 0 ? "Yes" : "No");
                        }
                    }
                })
                .lookup("securityIntelligenceList1", Tables.SI_DISCOVERY, "securityIntelligenceList1", "policyRevision")
                .lookup("securityIntelligenceList2", Tables.SI_DISCOVERY, "securityIntelligenceList2", "policyRevision")
                .lookup("urlCategory", Tables.URL_CATEGORIES, "urlCategory")
                .lookup("urlReputation", Tables.URL_REPUTATIONS, "urlReputation")
                .lookup("firewallRule", Tables.FIREWALL_RULES, "policyRevision", "ruleId")
                .lookup("firewallRuleAction", Tables.FIREWALL_RULE_ACTIONS, "ruleAction")
                .lookup("firewallRuleReason", Tables.FIREWALL_RULE_REASONS, "ruleReason")
                .lookup("firewallPolicy", Tables.AC_POLICIES, "deviceId", "policyRevision")
                .lookup("ingressInterface", Tables.INTERFACES, "ingressInterface")
                .lookup("egressInterface", Tables.INTERFACES, "egressInterface")
                .lookup("ingressSecurityZone", Tables.SECURITY_ZONES, "ingressZone")
                .lookup("egressSecurityZone", Tables.SECURITY_ZONES, "egressZone")
                .lookup("sourceIpCountry", Tables.GEOLOCATIONS, "initiatorCountry")
                .lookup("destinationIpCountry", Tables.GEOLOCATIONS, "responderCountry")
                .lookup("user", Tables.USERS, "userId")
                .part("dnsRecordName", Tables.DNS_RECORDS, "dnsRecordType", "name")
                .part("dnsRecordDescription", Tables.DNS_RECORDS, "dnsRecordType", "description")
                .part("dnsResponseName", Tables.DNS_RESPONSES, "dnsResponseType", "name")
                .part("dnsResponseDescription", Tables.DNS_RESPONSES, "dnsResponseType", "description")
                .lookup("sinkhole", Tables.SINKHOLES, "sinkholeUuid")
                .part("iocCategory", Tables.IOC, "iocNumber", "category")
                .lookup("sslActualAction", Tables.SSL_ACTIONS, "sslActualAction")
                .lookup("sslExpectedAction", Tables.SSL_ACTIONS, "sslExpectedAction")
                .lookup("sslFlowFlags", Tables.SSL_FLOW_FLAGS, "sslFlowFlags")
                .lookup("sslFlowMessages", Tables.SSL_FLOW_MESSAGES, "sslFlowMessages")
                .lookup("sslFlowStatus", Tables.SSL_FLOW_STATUSES, "sslFlowStatus")
                .lookup("sslServerCertificateStatus", Tables.SSL_CERT_STATUSES, "sslServerCertificateStatus")
                .lookup("sslCipherSuite", Tables.SSL_CIPHER_SUITES, "sslCipherSuite")
                .lookup("sslVersion", Tables.SSL_VERSIONS, "sslVersion")
                .lookup("sslUrlCategory", Tables.SSL_URL_CATEGORIES, "sslUrlCategory");
        Map<Object, Object> rules = cache.table(Tables.FIREWALL_RULES);
        for (String monitor : MONITOR_RULES) {
            connection.rule(new View.Simple(monitor, "policyRevision") {
                @Override
                public void apply(Object id, Object policy, Computed out) {
                    if (id instanceof Long v) {
                        out.put(monitor, v == 0 ? "N/A" : MetadataCache.nested(rules.get(policy), v));
                    }
                }
            });
        }
        views.put(71, connection.build());

        View.Builder intrusion = new View.Builder(cache)
                .lookup("message", Tables.IDS_RULES, "generatorId", "ruleId")
                .lookup("renderedId", Tables.IDS_RULES_RENDERED, "generatorId", "ruleId")
                .part("classificationName", Tables.CLASSIFICATIONS, "classificationId", "name")
                .part("classificationDescription", Tables.CLASSIFICATIONS, "classificationId", "desc")
                .lookup("idsPolicy", Tables.POLICIES, "policyUuid")
                .lookup("firewallRule", Tables.FIREWALL_RULES, "accessControlPolicyUuid", "accessControlRuleId")
                .lookup("firewallPolicy", Tables.AC_POLICIES, "deviceId", "accessControlPolicyUuid")
                .lookup("priority", Tables.PRIORITIES, "priorityId")
                .lookup("blocked", Tables.BLOCKED, "blocked")
                .lookup("blockedReason", Tables.BLOCKED_REASONS, "blockedReasonId");
        transport(intrusion, "ipProtocolId");
        applications(intrusion);
        intrusion.lookup("ingressInterface", Tables.INTERFACES, "interfaceIngressUuid")
                .lookup("egressInterface", Tables.INTERFACES, "interfaceEgressUuid")
                .lookup("ingressSecurityZone", Tables.SECURITY_ZONES, "securityZoneIngressUuid")
                .lookup("egressSecurityZone", Tables.SECURITY_ZONES, "securityZoneEgressUuid")
                .lookup("user", Tables.USERS, "userId")
                .part("iocCategory", Tables.IOC, "iocNumber", "category")
                .lookup("networkAnalysisPolicy", Tables.POLICIES, "networkAnalysisPolicyUuid");
        countries(intrusion);
        ssl(intrusion);
        impact(intrusion, "impactFlags");
        views.put(400, intrusion.build());

        View.Builder file = new View.Builder(cache)
                .lookup("filePolicy", Tables.POLICIES, "accessControlPolicyUuid")
                .lookup("fileAction", Tables.FILE_ACTIONS, "action")
                .lookup("detection", Tables.FILE_SHAS, "shaHash")
                .lookup("disposition", Tables.FILE_DISPOSITIONS, "disposition")
                .lookup("speroDisposition", Tables.FILE_DISPOSITIONS, "speroDisposition")
                .lookup("fileStorageStatus", Tables.FILE_STORAGES, "fileStorageStatus")
                .lookup("fileAnalysisStatus", Tables.FILE_STATIC_ANALYSES, "fileAnalysisStatus")
                .lookup("fileSandboxStatus", Tables.FILE_SANDBOXES, "fileAnalysisStatus")
                .lookup("fileType", Tables.FILE_TYPES, "fileTypeId")
                .lookup("direction", Tables.DIRECTIONS, "direction")
                .lookup("user", Tables.USERS, "userId")
                .lookup("malwareAnalysisStatus", Tables.MALWARE_ANALYSIS, "localMalwareAnalysisStatus")
                .lookup("archiveFileStatus", Tables.ARCHIVE_FILE_STATUS, "archiveFileStatus");
        transport(file, "protocol");
        applications(file);
        countries(file);
        ssl(file);
        View fileView = file.build();
        views.put(500, fileView);
        views.put(502, fileView);

        View.Builder malware = new View.Builder(cache)
                .lookup("cloud", Tables.CLOUDS, "cloudUuid")
                .lookup("malwareEventType", Tables.MALWARE_EVENT_TYPES, "eventTypeId")
                .lookup("malwareEventSubtype", Tables.FIREAMP_SUBTYPES, "eventSubtypeId")
                .lookup("type", Tables.FIREAMP_TYPES, "eventTypeId")
                .lookup("subtype", Tables.FIREAMP_SUBTYPES, "eventSubtypeId")
                .lookup("fileAction", Tables.FILE_ACTIONS, "action")
                .rule(new View.Simple("detectionName.data", "fileShaHash.data") {
                    private final Map<Object, Object> shas = cache.table(Tables.FILE_SHAS);

                    @Override
                    public void apply(Object name, Object sha, Computed out) {
                        if ((name == null || "".equals(name)) && sha != null) {
                            out.put("detectionName", shas.get(sha));
                        }
                    }
                })
                .lookup("parentDetection", Tables.FILE_SHAS, "parentShaHash.data")
                .lookup("detector", Tables.FIREAMP_DETECTORS, "detectorId")
                .lookup("disposition", Tables.FILE_DISPOSITIONS, "disposition")
                .lookup("retroDisposition", Tables.FILE_DISPOSITIONS, "retroDisposition")
                .lookup("fileType", Tables.FILE_TYPES, "fileType")
                .lookup("filePolicy", Tables.POLICIES, "accessControlPolicyUuid")
                .lookup("direction", Tables.DIRECTIONS, "direction")
                .lookup("agentUser", Tables.USERS, "userId")
                .lookup("user", Tables.USERS, "user.data")
                .part("iocCategory", Tables.IOC, "iocNumber", "category");
        transport(malware, "protocol");
        applications(malware);
        countries(malware);
        ssl(malware);
        views.put(125, malware.build());

        View.Builder correlation = new View.Builder(cache)
                .lookup("eventType", Tables.CORRELATION_EVENT_TYPES, "eventType")
                .lookup("message", Tables.IDS_RULES, "signatureGeneratorId", "signatureId")
                .part("correlationRule", Tables.CORRELATION_RULES, "ruleId", "name")
                .lookup("correlationPolicy", Tables.POLICIES, "policyId")
                .lookup("sourceCriticality", Tables.CORRELATION_CRITICALITY, "sourceCriticality")
                .lookup("destinationCriticality", Tables.CORRELATION_CRITICALITY, "destinationCriticality")
                .lookup("sourceHostType", Tables.CORRELATION_HOST_TYPES, "sourceHostType")
                .lookup("destinationHostType", Tables.CORRELATION_HOST_TYPES, "destinationHostType")
                .lookup("priority", Tables.PRIORITIES, "priority")
                .lookup("blocked", Tables.BLOCKED, "blocked")
                .lookup("networkProtocol", Tables.NETWORK_PROTOCOLS, "networkProtocol")
                .lookup("sourceApplicationProtocol", Tables.APP_PROTOCOLS, "sourceServerId")
                .lookup("destinationApplicationProtocol", Tables.APP_PROTOCOLS, "destinationServerId")
                .lookup("ingressInterface", Tables.INTERFACES, "ingressIntefaceUuid")
                .lookup("egressInterface", Tables.INTERFACES, "egressIntefaceUuid")
                .lookup("ingressSecurityZone", Tables.SECURITY_ZONES, "ingressZoneUuid")
                .lookup("egressSecurityZone", Tables.SECURITY_ZONES, "egressZoneUuid")
                .part("sourceOperatingSystemName", Tables.OS_FINGERPRINTS, "sourceOperatingSystemFingerprintUuid", "os")
                .part("sourceOperatingSystemVendor", Tables.OS_FINGERPRINTS, "sourceOperatingSystemFingerprintUuid", "vendor")
                .part("sourceOperatingSystemVersion", Tables.OS_FINGERPRINTS, "sourceOperatingSystemFingerprintUuid", "ver")
                .part("destinationOperatingSystemName", Tables.OS_FINGERPRINTS, "destinationOperatingSystemFingerprintUuid", "os")
                .part("destinationOperatingSystemVendor", Tables.OS_FINGERPRINTS, "destinationOperatingSystemFingerprintUuid", "vendor")
                .part("destinationOperatingSystemVersion", Tables.OS_FINGERPRINTS, "destinationOperatingSystemFingerprintUuid", "ver")
                .lookup("sourceUser", Tables.USERS, "sourceUserId")
                .lookup("destinationUser", Tables.USERS, "destinationUserId")
                .lookup("securityIntelligencePolicy", Tables.SI_GENERAL, "securityIntelligenceUuid")
                .lookup("urlReputation", Tables.URL_REPUTATIONS, "urlReputation")
                .lookup("urlCategory", Tables.URL_CATEGORIES, "urlCategory");
        transport(correlation, "ipProtocol");
        countries(correlation);
        ssl(correlation);
        impact(correlation, "eventImpactFlags");
        correlation.rule(new View.Simple() {
            @Override
            public void apply(Object a, Object b, Computed out) {
                out.put("description", ""); // eNcore always writes an empty description for 112
            }
        });
        views.put(112, correlation.build());

        views.put(9, new View.Builder(cache).rule(new View.Simple("description.data", "impact") {
            @Override
            public void apply(Object text, Object bits, Computed out) {
                if (text instanceof String s) {
                    out.put("description", ImpactText.description(s));
                }
                if (bits instanceof Long b) {
                    out.put("impact", (long) ImpactText.impact(b));
                }
            }
        }).build());

        views.put(110, new View.Builder(cache).rule(new View.Simple("type", "blob.data") {
            @Override
            public void apply(Object type, Object blob, Computed out) {
                if (type instanceof Long t && blob instanceof String s) {
                    if (t == 2) {
                        out.put("originalClientSrcIp", ImpactText.clientIp(s));
                    } else if (t == 9) {
                        out.put("xffUri", s);
                    }
                }
            }
        }).lookup("xffType", Tables.XFF_TYPES, "type").build());

        View.Builder user = new View.Builder(cache);
        transport(user, "protocol");
        views.put(98, user.build());

        // Discovery: the host type of a new host's profile and of a router/bridge identification, and the names
        // of a new OS from the FMC's fingerprint metadata (record 54), as correlation events name theirs.
        views.put(10, new View.Builder(cache)
                .lookup("hostType", Tables.CORRELATION_HOST_TYPES, "hostProfile.hostType").build());
        views.put(31, new View.Builder(cache).lookup("hostType", Tables.CORRELATION_HOST_TYPES, "hostType").build());
        views.put(101, new View.Builder(cache)
                .lookup("sourceType", Tables.SOURCE_TYPES, "osfingerprint.sourceType")
                .part("osName", Tables.OS_FINGERPRINTS, "osfingerprint.uuid", "os")
                .part("osVendor", Tables.OS_FINGERPRINTS, "osfingerprint.uuid", "vendor")
                .part("osVersion", Tables.OS_FINGERPRINTS, "osfingerprint.uuid", "ver").build());

        // The single names eNcore adds to discovery, user and a few metadata records.
        views.put(13, new View.Builder(cache).lookup("networkProtocol", Tables.NETWORK_PROTOCOLS, "networkProtocol")
                .build());
        views.put(14, new View.Builder(cache).lookup("transportProtocol", Tables.IP_PROTOCOLS, "transportProtocol")
                .build());
        // New Client Application, its timeout and its update (eNcore names only an update's protocol; both here)
        View clientApplication = new View.Builder(cache)
                .lookup("clientApplication", Tables.CLIENT_APPS, "client.id")
                .lookup("applicationProtocol", Tables.APP_PROTOCOLS, "client.applicationProto").build();
        views.put(15, clientApplication);
        views.put(35, clientApplication);
        views.put(107, clientApplication);
        views.put(62, new View.Builder(cache).lookup("protocol", Tables.USER_PROTOCOLS, "protocol").build());
        views.put(69, new View.Builder(cache).part("correlationRule", Tables.CORRELATION_RULES, "id", "name").build());
        views.put(103, new View.Builder(cache)
                .lookup("sourceType", Tables.SOURCE_TYPES, "identity.sourceType")
                .lookup("transportProtocol", Tables.IP_PROTOCOLS, "identity.protocol").build());
        View icmp = new View.Builder(cache).lookup("transportProtocol", Tables.IP_PROTOCOLS, "protocol").build();
        views.put(260, icmp);
        views.put(270, icmp);
        views.put(280, new View.Builder(cache).lookup("firewallPolicy", Tables.POLICIES, "accessControlPolicyUuid")
                .build());
        views.put(511, new View.Builder(cache).lookup("disposition", Tables.FILE_DISPOSITIONS, "disposition").build());

        // VPN login/logoff: the authentication type, the user protocol (eNcore names a logoff's with the IP
        // protocol table, which does not hold these ids) and the first VPN session's details.
        View vpn = new View.Builder(cache)
                .lookup("userAuthType", Tables.USER_AUTH_TYPES, "authType")
                .lookup("protocol", Tables.USER_PROTOCOLS, "protocol")
                .rule(new View.Simple("vpnSession") {
                    @Override
                    public void apply(Object sessions, Object unused, Computed out) {
                        if (sessions instanceof Fields list && list.get("items") instanceof List<?> items
                                && !items.isEmpty() && items.get(0) instanceof Fields session) {
                            vpnSession(session, out);
                        }
                    }
                }).build();
        views.put(170, vpn);
        views.put(171, vpn);
    }

    /** What eNcore copies from a VPN session into {@code @computed}; like eNcore, zeros and empty texts are left out. */
    private void vpnSession(Fields session, Computed out) {
        for (String[] copy : VPN_SESSION_FIELDS) {
            Object v = session.get(copy[0]);
            if (v instanceof Fields block) {
                v = block.get("data"); // a string block
            }
            if (v instanceof Long l && l != 0 || v instanceof String s && !s.isEmpty() && !s.equals("::")) {
                out.put(copy[1], v);
            }
        }
        out.put("vpnType", cache.get(Tables.VPN_TYPES, session.get("vpnType")));
    }

    /** VPN session field, and its {@code @computed} name (eNcore's: clientOS, not clientOs). */
    private static final String[][] VPN_SESSION_FIELDS = {
        {"index", "index"}, {"bytesReceived", "bytesReceived"}, {"bytesTransmitted", "bytesTransmitted"},
        {"countryCode", "countryCode"}, {"connectionDuration", "connectionDuration"}, {"clientOs", "clientOS"},
        {"clientIp", "clientIp"}, {"clientApplication", "clientApplication"}, {"groupPolicy", "groupPolicy"},
    };

    private static void transport(View.Builder b, String field) {
        b.lookup("transportProtocol", Tables.IP_PROTOCOLS, field);
    }

    private static void applications(View.Builder b) {
        b.lookup("webApplication", Tables.PAYLOADS, "webApplicationId")
                .lookup("clientApplication", Tables.CLIENT_APPS, "clientApplicationId")
                .lookup("applicationProtocol", Tables.APP_PROTOCOLS, "applicationId");
    }

    private static void countries(View.Builder b) {
        b.lookup("sourceIpCountry", Tables.GEOLOCATIONS, "sourceCountry")
                .lookup("destinationIpCountry", Tables.GEOLOCATIONS, "destinationCountry");
    }

    private static void ssl(View.Builder b) {
        b.lookup("sslActualAction", Tables.SSL_ACTIONS, "sslActualAction")
                .lookup("sslFlowStatus", Tables.SSL_FLOW_STATUSES, "sslFlowStatus");
    }

    private void impact(View.Builder b, String field) {
        Map<Object, Object> descriptions = cache.table(Tables.IMPACT);
        b.rule(new View.Simple(field) {
            @Override
            public void apply(Object bits, Object unused, Computed out) {
                if (bits instanceof Long v) {
                    long level = ImpactText.impact(v);
                    out.put("impact", level);
                    out.put("impactDescription", descriptions.get(level));
                }
            }
        });
    }

    private static Map<Long, Map<Long, String>> rnaEventTypes() {
        Map<Long, Map<Long, String>> out = new HashMap<>();
        JsonNode types = MetadataCache.resource("rna-event-types.json").get("types");
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            Map<Long, String> subtypes = new HashMap<>();
            type.getValue().fields().forEachRemaining(e -> subtypes.put(Long.parseLong(e.getKey()), e.getValue().asText()));
            out.put(Long.parseLong(type.getKey()), Map.copyOf(subtypes));
        }
        return Map.copyOf(out);
    }
}
