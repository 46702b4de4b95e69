package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookmarkCommitterTest {
    @TempDir
    Path dir;

    @Test
    void writesOnlyWhatIsCommittableAndOnlyWhenItMoved() throws Exception {
        BookmarkStore store = new BookmarkStore(dir.resolve("fmc-8302_bookmark.dat"));
        AckTracker tracker = new AckTracker(0);
        BookmarkCommitter committer = new BookmarkCommitter("fmc", tracker, store, 0, Duration.ofHours(1));

        long metadata = tracker.register(0);
        tracker.acknowledge(metadata);
        assertThat(committer.commit()).as("nothing with a timestamp is durable").isZero();
        assertThat(store.file()).doesNotExist();

        long first = tracker.register(1_700_000_100L);
        long second = tracker.register(1_700_000_101L);
        tracker.acknowledge(second);
        assertThat(committer.commit()).as("the first event is not durable yet").isZero();
        tracker.acknowledge(first);
        assertThat(committer.commit()).isEqualTo(1_700_000_101L);
        assertThat(store.read()).hasValue(1_700_000_101L);
        assertThat(committer.lastWritten()).isEqualTo(1_700_000_101L);

        Files.delete(store.file());
        committer.commit();
        assertThat(store.file()).as("an unchanged bookmark is not written again").doesNotExist();
    }

    @Test
    void afterBatchCommitsAtOnceThenWaitsForTheWindowAndStopCommitsWhatIsLeft() {
        BookmarkStore store = new BookmarkStore(dir.resolve("fmc-8302_bookmark.dat"));
        AckTracker tracker = new AckTracker(0);
        BookmarkCommitter committer = new BookmarkCommitter("fmc", tracker, store, 0, Duration.ofHours(1));
        committer.start();

        tracker.acknowledge(tracker.register(0)); // a batch of metadata only: must not open the window
        committer.afterBatch();
        tracker.acknowledge(tracker.register(1_700_000_200L));
        committer.afterBatch();
        assertThat(store.read()).as("committed right after the first batch with an event").hasValue(1_700_000_200L);

        tracker.acknowledge(tracker.register(1_700_000_201L));
        committer.afterBatch(); // most likely within EAGER_COMMIT of the last commit: held back until the next one

        committer.stop();
        assertThat(store.read()).as("the stop commits what the window held back").hasValue(1_700_000_201L);
    }
}
