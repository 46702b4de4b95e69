package dev.estreamer.sim;

import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.wire.EventVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Realistic, deterministic FMC traffic: metadata first (devices, zones, interfaces, access-control
 * policy, rules and actions, applications, users, countries, URL categories and reputations), then
 * connection events (record 71: discovery header 1003:1 + a connection block) between varied IPv4 and
 * IPv6 hosts.
 *
 * <p><b>Determinism.</b> Event {@code n} (0-based) is a pure function of the seed and {@code n}: its
 * archive timestamp is {@code startEpoch + n / eventsPerSecond} (integer division), and its content
 * comes from a random generator seeded with (seed, n). So a client asking from second {@code T} gets
 * exactly the events with archive timestamp >= T, the same bytes every time, like an FMC it resumes from.
 *
 * <p><b>Event identity.</b> Event {@code n} carries {@link #eventKey(long)} = {@code
 * "https://sim.example/e/<n>"} as its {@code clientUrl}; its connection key is also unique: device 1,
 * {@code instanceId = (n >>> 16) & 0xFFFF}, {@code connectionCounter = n & 0xFFFF}. A crash test can
 * collect the keys it delivered and prove none is missing.
 *
 * <p><b>Connection block by requested version</b> (extended request, family 71): v14 (or lower) → 160
 * (FMC 6.0), v15 → 163 (6.1), v16 → 170 (6.5), v17 → 174 (7.x); an unknown higher version gets the
 * highest block it knows below. A plain request, or one not listing family 71, gets 160.
 */
public final class SyntheticGenerator implements EventSource {
    /** Connection blocks by the connection version that introduced them (see class comment). */
    private static final int[][] BLOCKS_BY_VERSION = {{14, 160}, {15, 163}, {16, 170}, {17, 174}};
    private static final String KEY_PREFIX = "https://sim.example/e/";

    private static final String POLICY = "5bd2c4e8-4d7a-11ee-9a3c-000000000145";
    private static final String[] ZONES = {"a1b2c3d4-0000-4000-8000-000000000115", "a1b2c3d4-0000-4000-8000-000000000116",
        "a1b2c3d4-0000-4000-8000-000000000117"};
    private static final String[] ZONE_NAMES = {"inside", "outside", "dmz"};
    private static final String[] INTERFACES = {"b1b2c3d4-0000-4000-8000-000000000001", "b1b2c3d4-0000-4000-8000-000000000002",
        "b1b2c3d4-0000-4000-8000-000000000003"};
    private static final String[] INTERFACE_NAMES = {"GigabitEthernet0/0", "GigabitEthernet0/1", "GigabitEthernet0/2"};
    private static final long[] RULES = {268435457L, 268435458L, 268435459L};
    private static final String[] RULE_NAMES = {"Allow-Web", "Block-Known-Bad", "Default-Trust"};
    private static final int[] RULE_ACTIONS = {1, 2, 7};
    private static final Object[][] ACTIONS = {{1, "Allow"}, {2, "Block"}, {3, "Reset"}, {6, "Monitor"}, {7, "Trust"}};
    /** Application protocol id, name, transport protocol, responder port. */
    private static final Object[][] APPS = {{676, "HTTP", 6, 80}, {1122, "HTTPS", 6, 443}, {617, "DNS", 17, 53},
        {1186, "NTP", 17, 123}, {3, "ICMP", 1, 0}, {683, "SSH", 6, 22}};
    private static final Object[][] CLIENTS = {{1296, "Chrome"}, {573, "Firefox"}, {638, "curl"}, {1001, "DNS client"}};
    private static final Object[][] WEB_APPS = {{929, "Google"}, {1039, "Microsoft"}, {2000, "GitHub"}, {1500, "Wikipedia"}};
    private static final Object[][] USERS = {{9999997, "No Authentication Required"}, {1001, "alice"}, {1002, "bob"},
        {1003, "carol"}};
    private static final Object[][] COUNTRIES = {{840, "United States"}, {276, "Germany"}, {250, "France"},
        {392, "Japan"}, {76, "Brazil"}};
    private static final Object[][] URL_CATEGORIES = {{1, "Search Engines and Portals"}, {2, "Social Networking"},
        {3, "Business and Economy"}, {4, "Computer and Internet Info"}};
    private static final Object[][] REPUTATIONS = {{1, "High risk"}, {2, "Suspicious sites"},
        {3, "Benign sites with security risks"}, {4, "Benign sites"}, {5, "Well known"}};
    private static final String[] HOSTS = {"www.google.com", "login.microsoftonline.com", "github.com",
        "en.wikipedia.org", "updates.example.net"};

    private final long seed;
    private final long startEpoch;
    private final int eventsPerSecond;
    private final double rate;
    private final long count;
    private final String deviceName;
    private final RecordEncoder encoder;
    private final List<SourceRecord> metadata;

    private SyntheticGenerator(Builder b) {
        this.seed = b.seed;
        this.startEpoch = b.startEpoch;
        this.eventsPerSecond = b.eventsPerSecond;
        this.rate = b.rate;
        this.count = b.count;
        this.deviceName = b.deviceName;
        this.encoder = new RecordEncoder();
        this.metadata = List.copyOf(buildMetadata());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The checkable identity of event {@code n}, carried as its {@code clientUrl}. */
    public static String eventKey(long n) {
        return KEY_PREFIX + n;
    }

    /** The event index in a key made by {@link #eventKey(long)}, or -1 for any other text. */
    public static long eventIndex(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(key.substring(KEY_PREFIX.length()).replace("\u0000", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The connection block sent for a requested connection-event version (empty = not requested). */
    public static int connectionBlock(OptionalInt connectionVersion) {
        if (connectionVersion.isEmpty()) {
            return BLOCKS_BY_VERSION[0][1];
        }
        int block = BLOCKS_BY_VERSION[0][1];
        for (int[] entry : BLOCKS_BY_VERSION) {
            if (entry[0] <= connectionVersion.getAsInt()) {
                block = entry[1];
            }
        }
        return block;
    }

    /** Archive timestamp of event {@code n}. */
    public long archiveTimestamp(long n) {
        return startEpoch + n / eventsPerSecond;
    }

    /** The first event index with archive timestamp >= {@code second}. */
    public long firstIndexAtOrAfter(long second) {
        return Math.max(0, (second - startEpoch) * eventsPerSecond);
    }

    /** The metadata records, in the order they are sent. */
    public List<SourceRecord> metadata() {
        return metadata;
    }

    /** Event {@code n} with the given connection block (160, 163, 168-171, 173, 174). */
    public SourceRecord event(long n, int blockType) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L);
        long ts = archiveTimestamp(n);
        Object[] app = pick(r, APPS);
        int protocol = (Integer) app[2];
        boolean v6 = r.nextInt(10) < 3;
        String initiator = v6 ? String.format("2001:db8:10::%x", 1 + r.nextInt(0xfffe))
                : "10." + r.nextInt(4) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        String responder = v6 ? String.format("2001:db8:ff::%x", 1 + r.nextInt(0xfffe))
                : (r.nextBoolean() ? "203.0.113." : "198.51.100.") + (1 + r.nextInt(254));
        int rule = r.nextInt(RULES.length);
        long packetsOut = 1 + r.nextInt(2000);
        long packetsIn = r.nextInt(3000);
        int duration = r.nextInt(120);
        boolean web = protocol == 6 && ((Integer) app[3] == 80 || (Integer) app[3] == 443);
        String host = HOSTS[r.nextInt(HOSTS.length)];

        Map<String, Object> f = new HashMap<>();
        f.put("blockType", blockType);
        f.put("deviceId", 1);
        f.put("eventType", 1003);
        f.put("eventSubtype", 1);
        f.put("hostIpAddr", "::");
        f.put("ingressZone", ZONES[0]);
        f.put("egressZone", ZONES[1 + r.nextInt(2)]);
        f.put("ingressInterface", INTERFACES[0]);
        f.put("egressInterface", INTERFACES[1 + r.nextInt(2)]);
        f.put("initiatorIpAddress", initiator);
        f.put("responderIpAddress", responder);
        f.put("policyRevision", POLICY);
        f.put("ruleId", RULES[rule]);
        f.put("ruleAction", RULE_ACTIONS[rule]);
        f.put("initiatorPort", protocol == 1 ? 8 : 1024 + r.nextInt(64511));
        f.put("responderPort", app[3]);
        f.put("tcpFlag", 0);
        f.put("protocol", protocol);
        f.put("instanceId", (n >>> 16) & 0xFFFF);
        f.put("connectionCounter", n & 0xFFFF);
        f.put("firstPacketTimestamp", ts - duration);
        f.put("lastPacketTimestamp", ts);
        f.put("initiatorTransmittedPackets", packetsOut);
        f.put("responderTransmittedPackets", packetsIn);
        f.put("initiatorTransmittedBytes", packetsOut * (60 + r.nextInt(1400)));
        f.put("responderTransmittedBytes", packetsIn * (60 + r.nextInt(1400)));
        f.put("userId", pick(r, USERS)[0]);
        f.put("applicationId", app[0]);
        f.put("urlCategory", web ? pick(r, URL_CATEGORIES)[0] : 0);
        f.put("urlReputation", web ? pick(r, REPUTATIONS)[0] : 0);
        f.put("clientApplicationId", protocol == 17 && (Integer) app[3] == 53 ? 1001 : pick(r, CLIENTS)[0]);
        f.put("webApplicationId", web ? pick(r, WEB_APPS)[0] : 0);
        f.put("clientUrl", eventKey(n));
        f.put("initiatorCountry", 0); // private initiators have no country
        f.put("responderCountry", pick(r, COUNTRIES)[0]);
        if (web) {
            f.put("referencedHost", host);
            f.put("userAgent", "Mozilla/5.0 (sim)");
            if ((Integer) app[3] == 443) {
                f.put("sslServerName", host);
            }
        }
        if ((Integer) app[3] == 53) {
            f.put("dnsQuery", host);
            f.put("dnsRecordType", 1);
            f.put("dnsTtl", 300);
        }
        byte[] payload = encoder.encode(Subscription.CONNECTION_RECORD, f, false, 0);
        return SourceRecord.event(Subscription.CONNECTION_RECORD, ts, Arrays.copyOfRange(payload, 8, payload.length));
    }

    @Override
    public Cursor open(Subscription subscription) {
        return new GeneratorCursor(subscription);
    }

    private final class GeneratorCursor implements Cursor {
        private final Subscription subscription;
        private final int blockType;
        private final long openedNanos = System.nanoTime();
        private final boolean events;
        private int metadataIndex;
        private long next;
        private long sentEvents;

        GeneratorCursor(Subscription subscription) {
            this.subscription = subscription;
            this.blockType = connectionBlock(subscription.version(EventVersion.CONNECTION));
            this.next = firstIndexAtOrAfter(subscription.threshold());
            // every event is a connection event: one probe tells whether this client wants any at all
            this.events = subscription.wants(SourceRecord.event(Subscription.CONNECTION_RECORD, 0xFFFFFFFFL, new byte[0]));
            this.metadataIndex = subscription.wantsMetadata() ? 0 : metadata.size();
        }

        @Override
        public boolean hasNext() {
            return metadataIndex < metadata.size() || (events && (count == 0 || next < count));
        }

        @Override
        public long nanosUntilNext() {
            if (metadataIndex < metadata.size() || rate <= 0) {
                return 0;
            }
            long due = openedNanos + (long) (sentEvents * 1e9 / rate);
            return due - System.nanoTime();
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (metadataIndex < metadata.size()) {
                return metadata.get(metadataIndex++);
            }
            sentEvents++;
            return event(next++, blockType);
        }
    }

    private List<SourceRecord> buildMetadata() {
        List<SourceRecord> out = new ArrayList<>();
        out.add(meta(123, Map.of("id", 1, "name", deviceName)));
        for (int i = 0; i < ZONES.length; i++) {
            out.add(meta(115, Map.of("uuid", ZONES[i], "name", ZONE_NAMES[i])));
        }
        for (int i = 0; i < INTERFACES.length; i++) {
            out.add(meta(116, Map.of("uuid", INTERFACES[i], "name", INTERFACE_NAMES[i])));
        }
        out.add(meta(145, Map.of("uuid", POLICY, "sensorId", 1, "name", "sim-access-policy")));
        for (int i = 0; i < RULES.length; i++) {
            out.add(meta(119, Map.of("uuid", POLICY, "id", RULES[i], "name", RULE_NAMES[i])));
        }
        idNames(out, 120, ACTIONS);
        idNames(out, 63, APPS);
        idNames(out, 55, CLIENTS);
        idNames(out, 109, WEB_APPS);
        for (Object[] user : USERS) {
            out.add(meta(98, Map.of("id", user[0], "protocol", 0, "name", user[1])));
        }
        for (Object[] country : COUNTRIES) {
            out.add(meta(520, Map.of("countryCode", country[0], "country", country[1])));
        }
        idNames(out, 121, URL_CATEGORIES);
        idNames(out, 122, REPUTATIONS);
        return out;
    }

    private void idNames(List<SourceRecord> out, int recordType, Object[][] table) {
        for (Object[] row : table) {
            out.add(meta(recordType, Map.of("id", row[0], "name", row[1])));
        }
    }

    private SourceRecord meta(int recordType, Map<String, Object> body) {
        byte[] payload = encoder.encode(recordType, body, false, 0);
        return SourceRecord.metadata(recordType, Arrays.copyOfRange(payload, 8, payload.length));
    }

    private static Object[] pick(SplittableRandom r, Object[][] table) {
        return table[r.nextInt(table.length)];
    }

    /** Options: seed, start epoch, events per archive second, send rate, total count, device name. */
    public static final class Builder {
        private long seed = 1;
        private long startEpoch = 1_700_000_000L;
        private int eventsPerSecond = 5;
        private double rate;
        private long count;
        private String deviceName = "sim-ftd-01";

        private Builder() {
        }

        /** Seed of every random choice (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Archive second of event 0 (default 1700000000 = 2023-11-14 22:13:20 UTC). */
        public Builder startEpoch(long epochSecond) {
            this.startEpoch = epochSecond;
            return this;
        }

        /** Events that share one archive second (default 5). */
        public Builder eventsPerSecond(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("eventsPerSecond must be >= 1");
            }
            this.eventsPerSecond = events;
            return this;
        }

        /** Send pacing in events per wall-clock second; 0 = as fast as the client takes them (default). */
        public Builder rate(double eventsPerSecond) {
            if (eventsPerSecond < 0) {
                throw new IllegalArgumentException("rate must be >= 0");
            }
            this.rate = eventsPerSecond;
            return this;
        }

        /** Total events; 0 = unlimited (default). */
        public Builder count(long events) {
            if (events < 0) {
                throw new IllegalArgumentException("count must be >= 0");
            }
            this.count = events;
            return this;
        }

        /** Name of managed device 1 in record 123 (default "sim-ftd-01"). */
        public Builder deviceName(String name) {
            this.deviceName = name;
            return this;
        }

        public SyntheticGenerator build() {
            return new SyntheticGenerator(this);
        }
    }
}
