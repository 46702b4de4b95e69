package dev.estreamer.decode.bench;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.format.CefFormatter;
import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.record.Record;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.MessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decode (and decode + JSON into a null sink) throughput of connection events, records per second on one thread.
 *
 * <p>The golden benchmarks run over the 38 real FMC 6.x connection records (block 160) of the golden capture,
 * shipped in the JAR for the simulator; the 163/174 ones over one record of that block built with
 * {@link RecordEncoder} with every string and address filled in, as a 6.x/7.x FMC sends them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
    /** The golden capture in the JAR (the simulator replays the same file). */
    public static final String CAPTURE = "/dev/estreamer/sim/bundles.bin";
    static final int GOLDEN_CONNECTIONS = 38;
    private static final int CONNECTION = 71;

    private final RecordDecoder decoder = new RecordDecoder();
    private final JsonFormatter json = new JsonFormatter();
    private final CefFormatter cef = new CefFormatter();
    private byte[][] golden;
    private Record[] goldenRecords;
    private Enricher enricher;
    private Record[] unseenRecords;
    static final int UNSEEN = 4096;
    private byte[] connection;
    private byte[] connection163;
    private byte[] connection174;

    @Setup
    public void setUp() {
        golden = goldenConnections().toArray(new byte[0][]);
        if (golden.length != GOLDEN_CONNECTIONS) {
            throw new IllegalStateException("expected " + GOLDEN_CONNECTIONS + " connection records in " + CAPTURE
                    + ", found " + golden.length);
        }
        goldenRecords = new Record[golden.length];
        for (int i = 0; i < golden.length; i++) {
            goldenRecords[i] = decoder.decode(golden[i]);
        }
        unseenRecords = new Record[UNSEEN];
        for (int i = 0; i < UNSEEN; i++) {
            unseenRecords[i] = goldenRecords[i % golden.length].withField("userId", 1_000_000L + i);
        }
        enricher = new Enricher(MetadataCache.withDefaults());
        for (byte[] payload : goldenPayloads(false)) {
            enricher.enrich(decoder.decode(payload)); // the capture's metadata records fill the cache
        }
        RecordEncoder encoder = new RecordEncoder();
        connection = encoder.encode(CONNECTION, Map.of(
                "blockType", 160, "deviceId", 1, "initiatorIpAddress", "192.168.50.50",
                "responderIpAddress", "52.114.128.70", "initiatorPort", 59265, "responderPort", 443, "protocol", 6,
                "clientUrl", "https://v10.vortex-win.data.microsoft.com", "initiatorTransmittedBytes", 1687L,
                "ingressZone", "ed81dc4e-3444-11eb-a581-703a42c735fb"), true, 1606923302L);
        connection163 = encoder.encode(CONNECTION, modernConnection(163), true, 1606923302L);
        connection174 = encoder.encode(CONNECTION, modernConnection(174), true, 1606923302L);
    }


    /** A busy 6.x/7.x connection: IPv4 and IPv6 peers, zones, policy, URL, user agent, SNI, DNS. */
    static Map<String, Object> modernConnection(int blockType) {
        Map<String, Object> m = new HashMap<>();
        m.put("blockType", blockType);
        m.put("eventType", 1003);
        m.put("eventSubtype", 1);
        m.put("deviceId", 7);
        m.put("ingressZone", "ed81dc4e-3444-11eb-a581-703a42c735fb");
        m.put("egressZone", "f1a2b3c4-3444-11eb-a581-703a42c735fb");
        m.put("ingressInterface", "0d3f5e6a-3444-11eb-8c1c-9b1f2d7c11aa");
        m.put("egressInterface", "0d3f5e6b-3444-11eb-8c1c-9b1f2d7c11aa");
        m.put("initiatorIpAddress", "192.168.50.50");
        m.put("responderIpAddress", "2001:db8:85a3::8a2e:370:7334");
        m.put("policyRevision", "00505685-6b5a-0ed3-0000-004294968293");
        m.put("ruleId", 268435460);
        m.put("ruleAction", 2);
        m.put("initiatorPort", 59265);
        m.put("responderPort", 443);
        m.put("tcpFlag", 0);
        m.put("protocol", 6);
        m.put("instanceId", 9);
        m.put("connectionCounter", 4711);
        m.put("firstPacketTimestamp", 1606923290L);
        m.put("lastPacketTimestamp", 1606923301L);
        m.put("initiatorTransmittedPackets", 12L);
        m.put("responderTransmittedPackets", 10L);
        m.put("initiatorTransmittedBytes", 1687L);
        m.put("responderTransmittedBytes", 7462L);
        m.put("userId", 9999997);
        m.put("applicationId", 1122);
        m.put("urlCategory", 10);
        m.put("urlReputation", 80);
        m.put("clientApplicationId", 638);
        m.put("webApplicationId", 2564);
        m.put("clientUrl", "https://v10.vortex-win.data.microsoft.com/collect/v1");
        m.put("clientApplicationVersion", "10.0");
        m.put("initiatorCountry", 840);
        m.put("responderCountry", 276);
        m.put("securityContext", "00000000-0000-0000-0000-000000000000");
        m.put("vlanId", 50);
        m.put("referencedHost", "v10.vortex-win.data.microsoft.com");
        m.put("userAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)");
        m.put("sslCertificateFingerprint", "3f2a9c1e0b7d4e5f6a7b8c9d0e1f2a3b4c5d6e7f");
        m.put("sslPolicyId", "a3c1e2f0-3444-11eb-a581-703a42c735fb");
        m.put("sslRuleId", 3);
        m.put("sslCipherSuite", 49199);
        m.put("sslVersion", 4);
        m.put("sslServerName", "v10.vortex-win.data.microsoft.com");
        m.put("networkAnalysisPolicyRevision", "b4d2f3a1-3444-11eb-a581-703a42c735fb");
        m.put("dnsQuery", "v10.vortex-win.data.microsoft.com");
        m.put("dnsRecordType", 1);
        m.put("dnsTtl", 300);
        if (blockType >= 174) {
            m.put("eveProcess", "chrome");
            m.put("eveProcessConfidencePercentage", 92);
            m.put("natInitiatorPort", 40001);
            m.put("natInitiatorIp", "203.0.113.5");
            m.put("ingressVRFName", "Global");
            m.put("egressVRFName", "Global");
        }
        return m;
    }

    /** The EventData payloads of the connection records (type 71) in the golden capture, in stream order. */
    public static List<byte[]> goldenConnections() {
        return goldenPayloads(true);
    }

    /** Every EventData payload of the golden capture in stream order, or only its connection records. */
    static List<byte[]> goldenPayloads(boolean connectionsOnly) {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = DecodeBenchmark.class.getResourceAsStream(CAPTURE)) {
            if (in == null) {
                throw new IllegalStateException(CAPTURE + " is missing from the class path");
            }
            FrameReader reader = new FrameReader(in, 16 * 1024 * 1024);
            Frame frame;
            while ((frame = reader.read()) != null) {
                List<byte[]> items = frame.type() == MessageType.MESSAGE_BUNDLE
                        ? MessageBundle.decode(frame.payload()).items()
                        : frame.type() == MessageType.EVENT_DATA ? List.of(frame.payload()) : List.of();
                for (byte[] item : items) {
                    if (!connectionsOnly
                            || item.length >= 4 && ((item[2] & 0xFF) << 8 | (item[3] & 0xFF)) == CONNECTION) {
                        out.add(item);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Benchmark
    public Record decodeConnection() {
        return decoder.decode(connection);
    }

    @Benchmark
    public byte[] decodeAndFormatJson() {
        return json.format(decoder.decode(connection));
    }

    /** (a) the 38 golden connection records; score = records per second. */
    @Benchmark
    @OperationsPerInvocation(GOLDEN_CONNECTIONS)
    public void decodeGolden(Blackhole sink) {
        for (byte[] payload : golden) {
            sink.consume(decoder.decode(payload));
        }
    }

    /** (b) the 38 golden connection records decoded and rendered as JSON into a null sink. */
    @Benchmark
    @OperationsPerInvocation(GOLDEN_CONNECTIONS)
    public void decodeAndFormatGolden(Blackhole sink) {
        for (byte[] payload : golden) {
            sink.consume(json.format(decoder.decode(payload)));
        }
    }

    /** The 38 golden connection records decoded and rendered as CEF (next to JSON's figure). */
    @Benchmark
    @OperationsPerInvocation(GOLDEN_CONNECTIONS)
    public void decodeAndFormatCefGolden(Blackhole sink) {
        for (byte[] payload : golden) {
            sink.consume(cef.format(decoder.decode(payload)));
        }
    }

    /** JSON alone, of the 38 golden records decoded once in the set-up: what (b) adds to (a). */
    @Benchmark
    @OperationsPerInvocation(GOLDEN_CONNECTIONS)
    public void formatGolden(Blackhole sink) {
        for (Record r : goldenRecords) {
            sink.consume(json.format(r));
        }
    }

    /**
     * Decode + enrichment of the 38 golden connection records, with the capture's metadata (devices, zones,
     * rules, policies, applications, …) already in the cache, as in a running pipeline.
     */
    @Benchmark
    @OperationsPerInvocation(GOLDEN_CONNECTIONS)
    public void decodeAndEnrichGolden(Blackhole sink) {
        for (byte[] payload : golden) {
            sink.consume(enricher.enrich(decoder.decode(payload)));
        }
    }

    /** Enrichment alone of the 38 golden records decoded once in the set-up: what enrichment adds to (a). */
    @Benchmark
    @OperationsPerInvocation(GOLDEN_CONNECTIONS)
    public void enrichGolden(Blackhole sink) {
        for (Record r : goldenRecords) {
            sink.consume(enricher.enrich(r));
        }
    }

    /**
     * The worst case of enrichment: the golden records with a different user id each ({@value #UNSEEN} variants,
     * 8 times the enricher's memo slots per layout), so no record's inputs are remembered and every one runs
     * the rules. Score = records per second.
     */
    @Benchmark
    @OperationsPerInvocation(UNSEEN)
    public void enrichUnseenGolden(Blackhole sink) {
        for (Record r : unseenRecords) {
            sink.consume(enricher.enrich(r));
        }
    }

    @Benchmark
    public Record decodeConnection163() {
        return decoder.decode(connection163);
    }

    @Benchmark
    public byte[] decodeAndFormatJson163() {
        return json.format(decoder.decode(connection163));
    }

    @Benchmark
    public Record decodeConnection174() {
        return decoder.decode(connection174);
    }

    @Benchmark
    public byte[] decodeAndFormatJson174() {
        return json.format(decoder.decode(connection174));
    }
}
