package dev.estreamer.sim;

import dev.estreamer.testing.Golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.wire.ErrorMessage;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.MessageType;
import dev.estreamer.wire.ProtocolException;
import dev.estreamer.wire.RequestFlags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every injected fault is visible to a bare client, and a reconnecting client then gets clean data. */
@Timeout(30)
class FaultTest {
    static final RequestFlags ENCORE = RequestFlags.ENCORE_DEFAULT;
    static final Duration QUIET = Duration.ofMillis(700);
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

    void start(Faults faults) {
        simulator = new Simulator(SimulatorConfig.builder(replay).recordsPerBundle(10).faults(faults).build()).start();
    }

    RawClient session() throws IOException {
        RawClient client = RawClient.connect(simulator.port());
        client.request(0, ENCORE);
        return client;
    }

    @Test
    void dropClosesAbruptlyAfterExactlyNRecordsThenTheNextConnectionIsClean() throws Exception {
        start(Faults.once(Fault.dropAfter(25)));
        try (RawClient client = session()) {
            assertThat(client.records(100, QUIET, true)).hasSize(25);
            assertThat(client.lastError).isNull();
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
        try (RawClient client = session()) {
            assertThat(client.records(69, QUIET, true)).hasSize(69);
        }
        assertThat(simulator.faultsFired()).isEqualTo(1);
    }

    @Test
    void perConnectionFaultsFireOnEveryConnection() throws Exception {
        start(Faults.everyConnection(Fault.dropAfter(5)));
        for (int i = 0; i < 2; i++) {
            try (RawClient client = session()) {
                assertThat(client.records(100, QUIET, true)).hasSize(5);
            }
        }
        assertThat(simulator.faultsFired()).isEqualTo(2);
    }

    @Test
    void errorMessageThenClose() throws Exception {
        start(Faults.once(Fault.errorAfter(12, 19, "No space")));
        try (RawClient client = session()) {
            assertThat(client.records(100, QUIET, true)).hasSize(12);
            assertThat(client.lastError).isEqualTo(new ErrorMessage(19, "No space"));
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void stallKeepsTheSocketOpenAndSilentThenResumes() throws Exception {
        simulator = new Simulator(SimulatorConfig.builder(replay).recordsPerBundle(10).keepAlive(Duration.ofMillis(100))
                .faults(Faults.once(Fault.stallAfter(20, Duration.ofMillis(1500)))).build()).start();
        try (RawClient client = session()) {
            assertThat(client.records(100, Duration.ofMillis(600), true)).hasSize(20);
            assertThat(client.nullsReceived).as("no keep-alives during a stall").isZero();
            assertThat(client.records(100, Duration.ofSeconds(3), true)).hasSize(49);
        }
    }

    @Test
    void corruptRecordWithAnImpossibleLengthInsideAValidBundle() throws Exception {
        start(Faults.once(Fault.corruptAfter(10, Fault.Corruption.IMPOSSIBLE_RECORD_LENGTH)));
        try (RawClient client = session()) {
            List<RawClient.Received> got = client.records(200, QUIET, true);
            assertThat(got).hasSize(70);
            RawClient.Received bad = got.get(10);
            assertThat(bad.headerLength()).as("neither 8 nor 16 bytes of header fit").isEqualTo(-1);
            assertThat(bad.recordType()).isEqualTo(71);
            assertThat(client.bundleSequences).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }

    @Test
    void corruptGarbageRecordIsConsistentlyFramed() throws Exception {
        start(Faults.once(Fault.corruptAfter(30, Fault.Corruption.GARBAGE)));
        try (RawClient client = session()) {
            List<RawClient.Received> got = client.records(200, QUIET, true);
            assertThat(got).hasSize(70);
            RawClient.Received bad = got.get(30);
            assertThat(bad.headerLength()).isEqualTo(16);
            assertThat(ByteBuffer.wrap(bad.body()).getInt(60)).isEqualTo(0x7FFFFFFF);
        }
    }

    @Test
    void truncatedItemBreaksOnlyItsOwnBundle() throws Exception {
        start(Faults.once(Fault.corruptAfter(10, Fault.Corruption.TRUNCATED_ITEM)));
        try (RawClient client = session()) {
            client.timeout(QUIET);
            List<RawClient.Received> got = new ArrayList<>();
            int broken = 0;
            List<Long> sequences = new ArrayList<>();
            while (true) {
                Frame f;
                try {
                    f = client.read();
                } catch (java.net.SocketTimeoutException e) {
                    break;
                }
                if (f.type() != MessageType.MESSAGE_BUNDLE) {
                    continue;
                }
                try {
                    client.collect(f, got, true);
                } catch (ProtocolException e) {
                    broken++;
                    sequences.add(ByteBuffer.wrap(f.payload()).getInt(4) & 0xFFFFFFFFL);
                    client.ack();
                }
            }
            assertThat(broken).isEqualTo(1);
            assertThat(sequences).containsExactly(2L);
            assertThat(got).hasSize(69);
        }
    }

    @Test
    void badHeaderVersionThenClose() throws Exception {
        start(Faults.once(Fault.badVersionAfter(10)));
        try (RawClient client = session()) {
            List<RawClient.Received> got = new ArrayList<>();
            client.collect(client.read(), got, true);
            assertThat(got).hasSize(10);
            assertThatThrownBy(client::read).isInstanceOf(ProtocolException.class).hasMessageContaining("version 2");
        }
    }

    @Test
    void overlongLengthThenClose() throws Exception {
        start(Faults.once(Fault.overlongLengthAfter(0)));
        try (RawClient client = session()) {
            assertThatThrownBy(client::read).isInstanceOf(ProtocolException.class).hasMessageContaining("exceeds");
        }
    }

    @Test
    void faultsCombineInRecordOrder() throws Exception {
        start(Faults.once(Fault.corruptAfter(5, Fault.Corruption.GARBAGE), Fault.dropAfter(15)));
        try (RawClient client = session()) {
            List<RawClient.Received> got = client.records(200, QUIET, true);
            assertThat(got).hasSize(16);
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void faultsWorkInPlainSessionsToo() throws Exception {
        start(Faults.once(Fault.corruptAfter(3, Fault.Corruption.TRUNCATED_ITEM), Fault.errorAfter(7, 1, "bye")));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE.without(RequestFlags.EXTENDED));
            List<RawClient.Received> got = new ArrayList<>();
            client.timeout(QUIET);
            Frame f;
            while ((f = client.read()) != null && f.type() == MessageType.EVENT_DATA) {
                if (f.payload().length < 8) {
                    got.add(null); // the truncated record
                } else {
                    got.add(RawClient.Received.parse(0, f.payload()));
                }
                client.ack();
            }
            assertThat(got).hasSize(8);
            assertThat(got.get(3)).isNull();
            assertThat(f.type()).isEqualTo(MessageType.ERROR);
            assertThat(MessageBundle.class).isNotNull();
        }
    }
}
