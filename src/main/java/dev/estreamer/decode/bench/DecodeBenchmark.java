package dev.estreamer.decode.bench;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.format.CefFormatter;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.record.Record;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Decode (and decode + JSON, decode + CEF) throughput of a 6.x connection event, records per second on one thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DecodeBenchmark {
    private final RecordDecoder decoder = new RecordDecoder();
    private final JsonFormatter json = new JsonFormatter();
    private final CefFormatter cef = new CefFormatter();
    private byte[] connection;

    @Setup
    public void setUp() {
        connection = new RecordEncoder().encode(71, Map.of(
                "blockType", 160, "deviceId", 1, "initiatorIpAddress", "192.168.50.50",
                "responderIpAddress", "52.114.128.70", "initiatorPort", 59265, "responderPort", 443, "protocol", 6,
                "clientUrl", "https://v10.vortex-win.data.microsoft.com", "initiatorTransmittedBytes", 1687L,
                "ingressZone", "ed81dc4e-3444-11eb-a581-703a42c735fb"), true, 1606923302L);
    }

    @Benchmark
    public Record decodeConnection() {
        return decoder.decode(connection);
    }

    @Benchmark
    public byte[] decodeAndFormatJson() {
        return json.format(decoder.decode(connection));
    }

    @Benchmark
    public byte[] decodeAndFormatCef() {
        return cef.format(decoder.decode(connection));
    }
}
