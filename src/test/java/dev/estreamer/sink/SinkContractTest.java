package dev.estreamer.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.testing.RecordingBatch;
import dev.estreamer.testing.RecordingBatch.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules every {@link Sink} keeps, run against each implementation through a subclass.
 * Payloads are UTF-8 text without newlines, so every framing can be read back.
 */
@Timeout(10)
public abstract class SinkContractTest {
    private final List<Sink> opened = new ArrayList<>();

    /** A new sink on a target that works; called at most once per test. */
    protected abstract Sink newWorkingSink() throws Exception;

    /** The payloads the working target holds, in order, decoded as UTF-8. */
    protected abstract List<String> readBack() throws Exception;

    /** A new sink whose target fails every write. */
    protected abstract Sink newFailingSink() throws Exception;

    private Sink working() throws Exception {
        Sink sink = newWorkingSink();
        opened.add(sink);
        return sink;
    }

    private Sink failing() throws Exception {
        Sink sink = newFailingSink();
        opened.add(sink);
        return sink;
    }

    @AfterEach
    void closeSinks() {
        opened.forEach(Sink::close);
    }

    @Test
    void acknowledgedPayloadsAreInTheTarget() throws Exception {
        Sink sink = working();
        RecordingBatch batch = RecordingBatch.ofLines("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(readBack()).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    }

    @Test
    void batchesLandInPublishOrderWithUnicodeIntact() throws Exception {
        Sink sink = working();
        List<String> expected = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            String[] lines = {"batch " + b + " é", "ü 日本語 " + b, "emoji 😀 " + b};
            RecordingBatch batch = RecordingBatch.ofLines(b * 3L, lines);
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
            expected.addAll(List.of(lines));
        }
        assertThat(readBack()).containsExactlyElementsOf(expected);
    }

    @Test
    void emptyBatchIsAcknowledged() throws Exception {
        RecordingBatch batch = new RecordingBatch(List.of());
        working().publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    }

    @Test
    void failingTargetRetriesEveryPayloadWithTheCauseAndNeverAcknowledges() throws Exception {
        Sink sink = failing();
        for (int i = 0; i < 3; i++) {
            RecordingBatch batch = RecordingBatch.ofLines(i * 2L, "x" + i, "y" + i);
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(Outcome.RETRIED);
            assertThat(batch.subset()).containsExactlyElementsOf(batch.payloads());
            assertThat(batch.cause()).isNotNull();
        }
    }

    @Test
    void publishAfterCloseIsRetriedNotAcknowledged() throws Exception {
        Sink sink = working();
        RecordingBatch before = RecordingBatch.ofLines("before");
        sink.publish(before);
        sink.close();
        RecordingBatch after = RecordingBatch.ofLines(2, "after");
        sink.publish(after);
        assertThat(before.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(after.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(readBack()).containsExactly("before");
    }

    @Test
    void closeIsIdempotent() throws Exception {
        Sink sink = working();
        sink.publish(RecordingBatch.ofLines("one"));
        sink.close();
        sink.close();
        Sink broken = failing();
        broken.close();
        broken.close();
        assertThat(readBack()).containsExactly("one");
    }

    @Test
    void toStringNamesTheTarget() throws Exception {
        assertThat(working().toString()).isNotBlank().doesNotContain("@");
    }
}
