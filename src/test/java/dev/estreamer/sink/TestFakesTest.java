package dev.estreamer.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.testing.InMemorySink;
import dev.estreamer.testing.RecordingBatch;
import dev.estreamer.testing.RecordingBatch.Outcome;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fakes other packages test against must themselves catch broken sinks. */
class TestFakesTest {

    @Test
    void recordingBatchRefusesASecondOutcome() {
        RecordingBatch batch = RecordingBatch.ofLines("a");
        batch.acknowledge();
        assertThatThrownBy(() -> batch.retry(batch.payloads(), new IOException()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("second outcome");
        assertThatThrownBy(batch::outcome).isInstanceOf(AssertionError.class);
    }

    @Test
    void recordingBatchFailsWhenTheSinkGaveNoOutcome() {
        assertThatThrownBy(RecordingBatch.ofLines("a")::outcome)
                .isInstanceOf(AssertionError.class).hasMessageContaining("without an outcome");
    }

    @Test
    void recordingBatchRefusesEmptyOrForeignRetryLists() {
        RecordingBatch batch = RecordingBatch.ofLines("a");
        assertThatThrownBy(() -> batch.retry(List.of(), new IOException())).isInstanceOf(AssertionError.class);
        RecordingBatch other = RecordingBatch.ofLines("a");
        assertThatThrownBy(() -> other.reject(RecordingBatch.ofLines("a").payloads(), "bad"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not part of this batch");
    }

    @Test
    void recordingBatchKeepsTheRejectReason() {
        RecordingBatch batch = RecordingBatch.ofLines("a", "b");
        batch.reject(batch.payloads().subList(1, 2), "too large");
        assertThat(batch.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(batch.subset()).extracting(Payload::sequence).containsExactly(2L);
        assertThat(batch.reason()).isEqualTo("too large");
    }

    @Test
    void inMemorySinkFailsOnlyTheChosenPublish() {
        InMemorySink sink = InMemorySink.failingPublish(2);
        RecordingBatch one = RecordingBatch.ofLines(1, "1");
        RecordingBatch two = RecordingBatch.ofLines(2, "2");
        RecordingBatch three = RecordingBatch.ofLines(3, "3");
        sink.publish(one);
        sink.publish(two);
        sink.publish(three);
        assertThat(List.of(one.outcome(), two.outcome(), three.outcome()))
                .containsExactly(Outcome.ACKNOWLEDGED, Outcome.RETRIED, Outcome.ACKNOWLEDGED);
        assertThat(two.cause()).hasRootCauseInstanceOf(IOException.class);
        assertThat(sink.delivered()).extracting(Payload::sequence).containsExactly(1L, 3L);
        assertThat(sink.publishes()).isEqualTo(3);
    }
}
