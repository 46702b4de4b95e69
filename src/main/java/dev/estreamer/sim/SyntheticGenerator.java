package dev.estreamer.sim;

import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;

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
 * highest block it knows below. A plain request gets 160; an extended request not listing family 71 gets none.
 *
 * <p><b>Every family</b> ({@link Builder#allFamilies(boolean)}, on by default). Event {@code n} is then of
 * record type {@link #recordType(long)}, from a fixed cycle of {@value #CYCLE_LENGTH}: connection events
 * (71, one in five of them with a Security Intelligence hit naming an SI category of record 280), an
 * intrusion event (400) followed by its packet (2), extra data (110) and impact alert (9), a file event
 * (500), a file-malware event (502), a malware event (125), a correlation event (112), discovery events
 * (10 new host, 11 new TCP server, 15 new client application), a new user (94), a user login (95) and a VPN
 * login and logoff (170, 171). Their metadata (rule messages 66, classifications 67, priorities 4, the
 * intrusion policy 118, extra-data types 111, file types 510, the AMP cloud 127, correlation policy 69 and
 * rule 70, SI categories 280 and sides 281) follows the generator's own. A record a client did not ask for
 * is skipped, so its index carries nothing: packets need request flag bit 0, extra data bit 27, impact
 * alerts bit 5; with an extended request a family is sent only when listed (intrusion 12 also for 2 and 110,
 * connection 71, file 111, malware 101, correlation 31, discovery 61, user 91 also for VPN, impact 131 for 9).
 * Blocks follow the requested versions: intrusion v9 (or lower, or unlisted) → 60, v10 → 81, v11+ → 85;
 * file v6 → 56, v7+ → 79; malware v7 → 62, v8+ → 80.
 *
 * <p><b>Identities</b> of the other families: intrusion (400) and correlation (112) events carry
 * {@code eventId = n}; a packet, extra data or impact alert carries the {@code eventId} of its intrusion
 * event; file, file-malware and malware events carry {@code uri = eventKey(n)}; discovery, user and VPN
 * records carry {@code eventMicrosecond = n % 1000000} in their discovery header (with the archive second,
 * unique while eventsPerSecond <= 1000000). {@link #recordCounts(Subscription)} says how many records of
 * each type a client gets.
 */
public final class SyntheticGenerator implements EventSource {
    /** Connection blocks by the connection version that introduced them (see class comment). */
    private static final int[][] BLOCKS_BY_VERSION = {{14, 160}, {15, 163}, {16, 170}, {17, 174}};
    private static final int[][] INTRUSION_BLOCKS = {{0, 60}, {10, 81}, {11, 85}};
    private static final int[][] FILE_BLOCKS = {{0, 56}, {7, 79}};
    private static final int[][] MALWARE_BLOCKS = {{0, 62}, {8, 80}};
    static final int CYCLE_LENGTH = 20;
    /** Record type of event n is CYCLE[n % CYCLE_LENGTH]; slot 5 is the connection with an SI hit. */
    private static final int[] CYCLE = {71, 400, 2, 110, 9, 71, 500, 502, 125, 112, 71, 10, 11, 15, 94, 95, 170, 171,
        71, 71};
    private static final int SI_SLOT = 5;
    private static final String KEY_PREFIX = "https://sim.example/e/";

    static final String POLICY = "5bd2c4e8-4d7a-11ee-9a3c-000000000145";
    static final String[] ZONES = {"a1b2c3d4-0000-4000-8000-000000000115", "a1b2c3d4-0000-4000-8000-000000000116",
        "a1b2c3d4-0000-4000-8000-000000000117"};
    private static final String[] ZONE_NAMES = {"inside", "outside", "dmz"};
    static final String[] INTERFACES = {"b1b2c3d4-0000-4000-8000-000000000001", "b1b2c3d4-0000-4000-8000-000000000002",
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
    private final boolean allFamilies;
    private final RecordEncoder encoder;
    private final FamilyRecords families;
    private final List<SourceRecord> metadata;

    private SyntheticGenerator(Builder b) {
        this.seed = b.seed;
        this.startEpoch = b.startEpoch;
        this.eventsPerSecond = b.eventsPerSecond;
        this.rate = b.rate;
        this.count = b.count;
        this.deviceName = b.deviceName;
        this.allFamilies = b.allFamilies;
        this.encoder = new RecordEncoder();
        this.families = new FamilyRecords(encoder, seed);
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

    /** The block of each versioned family that a client with {@code subscription} gets. */
    public record Blocks(int connection, int intrusion, int file, int malware) {
        /** What a plain request (no version list) gets. */
        public static final Blocks PLAIN = new Blocks(160, 60, 56, 62);

        public static Blocks of(Subscription subscription) {
            return new Blocks(connectionBlock(subscription.version(EventVersion.CONNECTION)),
                    pick(INTRUSION_BLOCKS, subscription.version(EventVersion.INTRUSION)),
                    pick(FILE_BLOCKS, subscription.version(EventVersion.FILE)),
                    pick(MALWARE_BLOCKS, subscription.version(EventVersion.MALWARE)));
        }

        private static int pick(int[][] table, OptionalInt version) {
            int block = table[0][1];
            for (int[] entry : table) {
                if (version.isPresent() && entry[0] <= version.getAsInt()) {
                    block = entry[1];
                }
            }
            return block;
        }
    }

    /** Record type of event {@code n}: always 71 without {@link Builder#allFamilies(boolean)}. */
    public int recordType(long n) {
        return allFamilies ? CYCLE[(int) (n % CYCLE_LENGTH)] : Subscription.CONNECTION_RECORD;
    }

    /** Whether a client with {@code subscription} gets records of {@code recordType} (events only). */
    public static boolean sends(Subscription subscription, int recordType) {
        RequestFlags flags = subscription.flags();
        boolean plain = subscription.versions().isEmpty();
        return switch (recordType) {
            case 400 -> plain || subscription.version(EventVersion.INTRUSION).isPresent();
            case 2 -> flags.has(RequestFlags.PACKETS) && sends(subscription, 400);
            case 110 -> flags.has(RequestFlags.EXTRA_DATA) && sends(subscription, 400);
            case 9 -> flags.has(RequestFlags.IMPACT_ALERTS) && (plain || subscription.version(EventVersion.IMPACT).isPresent());
            case 71 -> plain || subscription.version(EventVersion.CONNECTION).isPresent();
            case 500, 502 -> plain || subscription.version(EventVersion.FILE).isPresent();
            case 125 -> plain || subscription.version(EventVersion.MALWARE).isPresent();
            case 112 -> plain || subscription.version(EventVersion.CORRELATION).isPresent();
            case 10, 11, 15 -> plain || subscription.version(EventVersion.DISCOVERY).isPresent();
            case 94, 95, 170, 171 -> plain || subscription.version(EventVersion.USER).isPresent();
            default -> false;
        };
    }

    /**
     * How many records of each type a client with {@code subscription} receives from a generator with a
     * count: the metadata (when asked for) and the events from its initial timestamp to the end.
     */
    public Map<Integer, Long> recordCounts(Subscription subscription) {
        if (count == 0) {
            throw new IllegalStateException("recordCounts needs a generator with a count");
        }
        Map<Integer, Long> out = new TreeMap<>();
        if (subscription.wantsMetadata()) {
            metadata.forEach(m -> out.merge(m.recordType(), 1L, Long::sum));
        }
        for (long n = firstIndexAtOrAfter(subscription.threshold()); n < count; n++) {
            int type = recordType(n);
            if (sends(subscription, type)) {
                out.merge(type, 1L, Long::sum);
            }
        }
        return out;
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

    /** Event {@code n} with the given connection block (160, 163, 168-171, 173, 174) and plain blocks otherwise. */
    public SourceRecord event(long n, int blockType) {
        return event(n, new Blocks(blockType, Blocks.PLAIN.intrusion(), Blocks.PLAIN.file(), Blocks.PLAIN.malware()));
    }

    /** Event {@code n}, of record type {@link #recordType(long)}, with the given blocks. */
    public SourceRecord event(long n, Blocks blocks) {
        int type = recordType(n);
        long ts = archiveTimestamp(n);
        Map<String, Object> f = switch (type) {
            case 71 -> null;
            case 400 -> families.intrusion(n, ts, blocks.intrusion());
            case 2 -> families.packet(n - 1, archiveTimestamp(n - 1), ts);
            case 110 -> families.extraData(n - 2, archiveTimestamp(n - 2));
            case 9 -> families.impact(n - 3, archiveTimestamp(n - 3));
            case 500, 502 -> families.file(n, ts, blocks.file(), type == 502);
            case 125 -> families.malware(n, ts, blocks.malware());
            case 112 -> families.correlation(n, ts);
            default -> families.discovery(type, n, ts);
        };
        if (f == null) {
            return connection(n, blocks.connection());
        }
        byte[] payload = encoder.encode(type, f, false, 0);
        return SourceRecord.event(type, ts, Arrays.copyOfRange(payload, 8, payload.length));
    }

    private SourceRecord connection(long n, int blockType) {
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
        if (allFamilies && n % CYCLE_LENGTH == SI_SLOT) {
            // a Security Intelligence block: the responder is on an SI list (side 2 = destination)
            f.put("ruleAction", 2);
            f.put("securityIntelligenceSourceDestination", 2);
            f.put("securityIntelligenceLayer", 1);
            f.put("securityIntelligenceList1", FamilyRecords.SI_CATEGORIES[(int) (n / CYCLE_LENGTH % 3)][0]);
        }
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
        private final Blocks blocks;
        private final boolean[] wanted = new boolean[CYCLE_LENGTH];
        private final long openedNanos = System.nanoTime();
        private final boolean events;
        private int metadataIndex;
        private long next;
        private long sentEvents;

        GeneratorCursor(Subscription subscription) {
            this.blocks = Blocks.of(subscription);
            this.next = firstIndexAtOrAfter(subscription.threshold());
            boolean any = false;
            for (int slot = 0; slot < CYCLE_LENGTH; slot++) {
                int type = recordType(slot);
                wanted[slot] = sends(subscription, type)
                        && subscription.wants(SourceRecord.event(type, 0xFFFFFFFFL, new byte[0]));
                any |= wanted[slot];
            }
            this.events = any;
            this.metadataIndex = subscription.wantsMetadata() ? 0 : metadata.size();
        }

        /** Moves past the events this client does not get; terminates as some slot of the cycle is wanted. */
        private boolean skipUnwanted() {
            if (!events) {
                return false;
            }
            while (!wanted[(int) (next % CYCLE_LENGTH)] && (count == 0 || next < count)) {
                next++;
            }
            return count == 0 || next < count;
        }

        @Override
        public boolean hasNext() {
            return metadataIndex < metadata.size() || skipUnwanted();
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
            return event(next++, blocks);
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
        if (allFamilies) {
            families.metadata(out);
        }
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
        private boolean allFamilies = true;

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

        /**
         * Whether events of every family are interleaved with the connection events, with their metadata
         * (default true); false = connection events only.
         */
        public Builder allFamilies(boolean on) {
            this.allFamilies = on;
            return this;
        }

        public SyntheticGenerator build() {
            return new SyntheticGenerator(this);
        }
    }
}
