package dev.estreamer.sink.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sink.Observer;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.SinkException;
import dev.estreamer.testing.RecordingBatch;
import dev.estreamer.testing.RecordingBatch.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class FileSinkTest {
    private static final String PATTERN = "encore.{0}.log";
    private static final long T0 = 1_700_000_000L;

    @TempDir
    Path tmp;

    private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
    private final AtomicInteger forces = new AtomicInteger();
    private final List<FileSink> sinks = new ArrayList<>();

    @AfterEach
    void close() {
        sinks.forEach(FileSink::close);
    }

    private Path dir() {
        return tmp.resolve("logs");
    }

    private FileSinkConfig config() {
        return FileSinkConfig.defaults(dir()).withFileName(PATTERN);
    }

    /** A sink whose clock is fixed at T0, writing through a channel with the shared byte budget. */
    private FileSink sink(FileSinkConfig config) {
        return sink(config, () -> T0, Observer.NONE);
    }

    private FileSink sink(FileSinkConfig config, java.util.function.LongSupplier clock, Observer observer) {
        FileSink sink = new FileSink(config, observer, clock,
                path -> new FaultyChannel(ChannelOpener.DEFAULT.createNew(path), budget, forces));
        sinks.add(sink);
        return sink;
    }

    private static java.util.function.LongSupplier tickingClock() {
        AtomicLong now = new AtomicLong(T0);
        return now::getAndIncrement;
    }

    private List<String> allLines() throws IOException {
        return new LogDirectory(dir(), PATTERN).lines();
    }

    private List<Path> files() throws IOException {
        return new LogDirectory(dir(), PATTERN).files();
    }

    private static String[] lines(String prefix, int from, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = prefix + (from + i);
        }
        return out;
    }

    @Test
    void fileNameCarriesTheEpochSecondAtOpenAndTheDirectoryIsCreated() throws IOException {
        RecordingBatch batch = RecordingBatch.ofLines("a");
        sink(config()).publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(dir().resolve("encore.1700000000.log")).hasContent("a\n");
    }

    @Test
    void rotatesAfterExactlyMaxLinesAcrossBatches() throws IOException {
        FileSink sink = sink(config().withRotation(true, 3), tickingClock(), Observer.NONE);
        int seq = 0;
        for (int size : new int[] {2, 2, 2, 1}) {
            RecordingBatch batch = RecordingBatch.ofLines(seq, lines("line", seq, size));
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
            seq += size;
        }
        List<Path> files = files();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("encore.1700000000.log", "encore.1700000001.log", "encore.1700000002.log");
        assertThat(LogDirectory.lines(files.get(0))).containsExactly("line0", "line1", "line2");
        assertThat(LogDirectory.lines(files.get(1))).containsExactly("line3", "line4", "line5");
        assertThat(LogDirectory.lines(files.get(2))).containsExactly("line6");
    }

    @Test
    void withoutRotationEverythingGoesToOneFile() throws IOException {
        FileSink sink = sink(config().withRotation(false, 1), tickingClock(), Observer.NONE);
        sink.publish(RecordingBatch.ofLines(lines("l", 0, 5)));
        sink.publish(RecordingBatch.ofLines(lines("l", 5, 5)));
        assertThat(files()).hasSize(1);
        assertThat(allLines()).containsExactly(lines("l", 0, 10));
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndTheNewNameGetsASuffixAfterTheTimestamp() throws IOException {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("encore.1700000000.log"), "old\n");
        Files.writeString(dir().resolve("encore.1700000000-1.log"), "older\n");
        RecordingBatch batch = RecordingBatch.ofLines("new");
        sink(config()).publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(dir().resolve("encore.1700000000.log")).hasContent("old\n");
        assertThat(dir().resolve("encore.1700000000-1.log")).hasContent("older\n");
        assertThat(dir().resolve("encore.1700000000-2.log")).hasContent("new\n");
    }

    @Test
    void rotatingTwiceInOneSecondUsesCollisionSuffixes() throws IOException {
        sink(config().withRotation(true, 1)).publish(RecordingBatch.ofLines("a", "b", "c"));
        assertThat(files()).extracting(p -> p.getFileName().toString())
                .containsExactly("encore.1700000000.log", "encore.1700000000-1.log", "encore.1700000000-2.log");
        assertThat(allLines()).containsExactly("a", "b", "c");
    }

    @Test
    void failureMidBatchRetriesTheWholeBatchAndLeavesNoPartialLine() throws IOException {
        FileSink sink = sink(config());
        RecordingBatch first = RecordingBatch.ofLines("one", "two");
        sink.publish(first);
        budget.set(5); // "three\n" fits only in part
        RecordingBatch second = RecordingBatch.ofLines(3, "three", "four");
        sink.publish(second);

        assertThat(first.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(second.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(second.subset()).containsExactlyElementsOf(second.payloads());
        assertThat(second.cause()).isInstanceOf(SinkException.class).hasRootCauseMessage("No space left on device (injected)");
        assertThat(allLines()).containsExactly("one", "two");

        budget.set(Long.MAX_VALUE);
        RecordingBatch again = new RecordingBatch(second.subset());
        sink.publish(again);
        assertThat(again.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(files()).hasSize(2); // the retry starts a new file
        assertThat(allLines()).containsExactly("one", "two", "three", "four");
    }

    @Test
    void withLineFlushOnlyTheLinesAfterTheLastFlushedOneAreRetried() throws IOException {
        FileSink sink = sink(config().withFlush(FlushPolicy.LINE));
        budget.set("l0\nl1\nl".length());
        RecordingBatch batch = RecordingBatch.ofLines(lines("l", 0, 5));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(batch.subset()).extracting(Payload::sequence).containsExactly(3L, 4L, 5L);
        assertThat(allLines()).containsExactly("l0", "l1");
    }

    @Test
    void failureInALaterFileOfARotatingBatchRetriesOnlyThatFilesLines() throws IOException {
        FileSink sink = sink(config().withRotation(true, 2));
        budget.set("a0\na1\na2\na3\na".length());
        RecordingBatch batch = RecordingBatch.ofLines(lines("a", 0, 6));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(batch.subset()).extracting(Payload::sequence).containsExactly(5L, 6L);
        assertThat(allLines()).containsExactly("a0", "a1", "a2", "a3");
    }

    @Test
    void aDirectoryRemovedWhileWritingIsRetriedThenRecreated() throws IOException {
        FileSink sink = sink(config());
        sink.publish(RecordingBatch.ofLines("kept"));
        Path first = sink.currentFile();
        Files.delete(first);
        Files.delete(dir());

        RecordingBatch lost = RecordingBatch.ofLines(2, "would-be-lost");
        sink.publish(lost);
        assertThat(lost.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(lost.subset()).containsExactlyElementsOf(lost.payloads());

        RecordingBatch retried = new RecordingBatch(lost.subset());
        sink.publish(retried);
        assertThat(retried.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(allLines()).containsExactly("would-be-lost");
    }

    @Test
    void unicodeIsWrittenAsUtf8BytesWithOneNewlineEach() throws IOException {
        String text = "Grüße 日本 😀 \u0000 tab\tend";
        sink(config()).publish(RecordingBatch.ofLines(text, ""));
        assertThat(Files.readAllBytes(dir().resolve("encore.1700000000.log")))
                .isEqualTo((text + "\n\n").getBytes(UTF_8));
    }

    @Test
    void fsyncForcesBeforeEachAcknowledgementAndBeforeLeavingAFile() {
        FileSink sink = sink(config().withFsync(true).withRotation(true, 2));
        sink.publish(RecordingBatch.ofLines("a"));
        assertThat(forces.get()).isEqualTo(1);
        sink.publish(RecordingBatch.ofLines("b", "c"));
        assertThat(forces.get()).isEqualTo(3); // b fills file 1 (forced on rotation), c forced at the end
    }

    @Test
    void withoutFsyncNothingIsForced() {
        FileSink sink = sink(config().withFlush(FlushPolicy.LINE));
        sink.publish(RecordingBatch.ofLines("a", "b"));
        assertThat(forces.get()).isZero();
    }

    @Test
    void maxFilesDeletesTheOldestFilesOfThePatternOnly() throws IOException {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("encore.1600000000.log"), "from an earlier run\n");
        Files.writeString(dir().resolve("notes.txt"), "mine\n");
        Files.writeString(dir().resolve("encore.latest.log"), "not a sink file\n");
        FileSink sink = sink(config().withRotation(true, 1).withMaxFiles(2), tickingClock(), Observer.NONE);
        sink.publish(RecordingBatch.ofLines(lines("x", 0, 5)));

        assertThat(files()).extracting(p -> p.getFileName().toString())
                .containsExactly("encore.1700000003.log", "encore.1700000004.log");
        assertThat(allLines()).containsExactly("x3", "x4");
        assertThat(dir().resolve("notes.txt")).exists();
        assertThat(dir().resolve("encore.latest.log")).exists();
    }

    @Test
    void observerCountsWhatHappened() {
        long[] counts = new long[5];
        Observer observer = new Observer() {
            @Override public void accepted(int n) { counts[0] += n; }
            @Override public void acknowledged(int n) { counts[1] += n; }
            @Override public void retried(int n) { counts[2] += n; }
            @Override public void rejected(int n) { counts[3] += n; }
            @Override public void bytes(long n) { counts[4] += n; }
        };
        FileSink sink = sink(config(), () -> T0, observer);
        sink.publish(RecordingBatch.ofLines("ab", "cd"));
        budget.set(0);
        sink.publish(RecordingBatch.ofLines(3, "ef"));
        assertThat(counts).containsExactly(3, 2, 1, 0, 6);
    }

    @Test
    void closeKeepsEveryAcknowledgedLineAndLaterBatchesAreRetried() throws IOException {
        FileSink sink = sink(config());
        sink.publish(RecordingBatch.ofLines("a", "b"));
        sink.close();
        assertThat(sink.currentFile()).isNull();
        assertThat(allLines()).containsExactly("a", "b");
        RecordingBatch late = RecordingBatch.ofLines("c");
        sink.publish(late);
        assertThat(late.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(allLines()).containsExactly("a", "b");
    }

    @Test
    void toStringNamesDirectoryAndPattern() {
        assertThat(sink(config()).toString()).isEqualTo("file:" + dir().resolve(PATTERN));
    }
}
