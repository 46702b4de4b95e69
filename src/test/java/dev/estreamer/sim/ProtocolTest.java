package dev.estreamer.sim;

import dev.estreamer.testing.Golden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.wire.ErrorMessage;
import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.Hex;
import dev.estreamer.wire.MessageType;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The FMC's side of the conversation: handshake rules, flow control and keep-alives. */
@Timeout(30)
class ProtocolTest {
    static final RequestFlags ENCORE = RequestFlags.ENCORE_DEFAULT;
    static CaptureReplay replay;
    Simulator simulator;

    @BeforeAll
    static void load() {
        replay = CaptureReplay.load(Golden.capture());
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    void start(SimulatorConfig.Builder builder) {
        simulator = new Simulator(builder.build()).start();
    }

    @Test
    void stopsAfterTheAckWindowUntilTheClientAcknowledges() throws Exception {
        start(SimulatorConfig.builder(replay).ackWindow(2).recordsPerBundle(5));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE);
            assertThat(client.records(100, Duration.ofMillis(700), false)).hasSize(10);
            assertThat(client.bundleSequences).containsExactly(1L, 2L);
            client.ack();
            assertThat(client.records(100, Duration.ofMillis(500), false)).hasSize(5);
            assertThat(client.bundleSequences).containsExactly(1L, 2L, 3L);
            client.ack();
            client.ack();
            assertThat(client.records(100, Duration.ofMillis(500), false)).hasSize(10);
            assertThat(client.bundleSequences).containsExactly(1L, 2L, 3L, 4L, 5L);
            // now ack everything as it comes: the rest of the 69 arrives
            client.ack();
            client.ack();
            assertThat(client.records(100, Duration.ofMillis(700), true)).hasSize(69 - 25);
        }
    }

    @Test
    void nullsDuringTheHandshakeDoNotOpenTheWindowInAdvance() throws Exception {
        start(SimulatorConfig.builder(replay).ackWindow(1).recordsPerBundle(5));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.send(new EventStreamRequest(0, ENCORE).toFrame());
            assertThat(client.read().type()).isEqualTo(MessageType.STREAMING_INFORMATION);
            for (int i = 0; i < 5; i++) {
                client.ack(); // eNcore-style surplus acknowledgements before any bundle exists
            }
            client.send(new StreamingRequest(StreamingRequest.ESTREAMER_SERVICE, ENCORE, 0,
                    StreamingRequest.defaultEvents()).toFrame());
            assertThat(client.records(100, Duration.ofMillis(500), false)).hasSize(5);
            assertThat(client.bundleSequences).containsExactly(1L);
        }
    }

    @Test
    void plainSessionsAreFlowControlledPerMessage() throws Exception {
        start(SimulatorConfig.builder(replay).ackWindow(2).recordsPerBundle(3));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE.without(RequestFlags.EXTENDED));
            assertThat(client.records(100, Duration.ofMillis(500), false)).hasSize(6);
            client.ack();
            assertThat(client.records(100, Duration.ofMillis(500), false)).hasSize(1);
        }
    }

    @Test
    void sendsNullKeepAlivesWhenIdle() throws Exception {
        start(SimulatorConfig.builder(replay).keepAlive(Duration.ofMillis(150)));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE);
            assertThat(client.records(69, Duration.ofSeconds(2), true)).hasSize(69);
            client.timeout(Duration.ofSeconds(2));
            int nulls = 0;
            long start = System.nanoTime();
            while (nulls < 3) {
                Frame f = client.read();
                assertThat(f.type()).isEqualTo(MessageType.NULL);
                nulls++;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void anythingButAnEventStreamRequestFirstIsRefused() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.send(Frame.nullMessage());
            Frame f = client.read();
            assertThat(f.type()).isEqualTo(MessageType.ERROR);
            assertThat(ErrorMessage.decode(f.payload())).isEqualTo(new ErrorMessage(-1, "Invalid request"));
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void headerVersionOtherThanOneIsRefused() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.sendRaw(Hex.parse("0002 0002 00000008 00000000 48900061"));
            assertThat(client.read().type()).isEqualTo(MessageType.ERROR);
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void absurdLengthIsRefused() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.sendRaw(Hex.parse("0001 0002 7ffffff0"));
            assertThat(client.read().type()).isEqualTo(MessageType.ERROR);
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void acceptsTheGuidesExclusiveServiceLength() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.send(new EventStreamRequest(0, ENCORE).toFrame());
            assertThat(client.read().type()).isEqualTo(MessageType.STREAMING_INFORMATION);
            // G53 p61: service length 20 = flags + timestamp + one pair + terminator (type and length excluded)
            ByteBuffer b = ByteBuffer.allocate(28);
            b.putInt(6667).putInt(20).putInt(ENCORE.value()).putInt(0).putShort((short) 14).putShort((short) 71).putInt(0);
            client.send(new Frame(MessageType.STREAMING_REQUEST, b.array()));
            assertThat(client.records(100, Duration.ofMillis(800), true)).hasSize(69); // metadata comes by flag bit 20
        }
        assertThat(simulator.sessions().get(0).versions()).hasSize(1);
    }

    @Test
    void streamingRequestForAnotherServiceIsRefused() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.send(new EventStreamRequest(0, ENCORE).toFrame());
            assertThat(client.read().type()).isEqualTo(MessageType.STREAMING_INFORMATION);
            client.send(new StreamingRequest(5000, ENCORE, 0, List.of()).toFrame());
            assertThat(client.read().type()).isEqualTo(MessageType.ERROR);
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void stopClosesConnectedClients() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE);
            assertThat(client.records(69, Duration.ofSeconds(2), true)).hasSize(69);
            simulator.stop();
            assertThat(client.closedWithin(Duration.ofSeconds(3))).isTrue();
        }
        assertThat(simulator.sessions()).allMatch(s -> !s.open());
    }
}
