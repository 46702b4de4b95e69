package dev.estreamer.cli;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.bench.DecodeBenchmark;
import dev.estreamer.record.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench command's arguments and inputs; its speed is measured by running it, never asserted here. */
class BenchCommandTest {

    @Test
    void rejectsUnknownBenchmarksAndNonPositiveNumbers() {
        assertThat(new Main().execute(new String[] {"bench", "--only", "everything"})).isEqualTo(Main.USAGE);
        assertThat(new Main().execute(new String[] {"bench", "--seconds", "0"})).isEqualTo(Main.USAGE);
        assertThat(new Main().execute(new String[] {"bench", "--events", "many"})).isEqualTo(Main.USAGE);
        assertThat(new Main().execute(new String[] {"bench", "--forks", "0"})).isEqualTo(Main.USAGE);
    }

    @Test
    void isListedAndHasHelp() {
        assertThat(new Main().execute(new String[] {"bench", "--help"})).isEqualTo(Main.OK);
    }

    @Test
    void theShippedCaptureHoldsTheThirtyEightGoldenConnectionEvents() {
        List<byte[]> connections = DecodeBenchmark.goldenConnections();
        assertThat(connections).hasSize(38);
        RecordDecoder decoder = new RecordDecoder();
        assertThat(connections).allSatisfy(p -> assertThat(decoder.decode(p).status()).isEqualTo(Status.DECODED));
    }

    @Test
    void medianOfOddAndEvenSamples() {
        assertThat(Medians.of(List.of(5.0, 1.0, 3.0)).median()).isEqualTo(3.0);
        assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
        assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 2.0)).min()).isEqualTo(1.0);
        assertThat(Medians.of(List.of()).samples()).isZero();
    }

    @Test
    void readsTheResidentSetOfAProcess() {
        assertThat(EndToEndBench.status(ProcessHandle.current().pid(), "VmRSS:")).isPositive();
        assertThat(EndToEndBench.status(ProcessHandle.current().pid(), "NoSuchKey:")).isZero();
    }
}
