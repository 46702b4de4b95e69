package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batching by count and time (Beats' bulk_max_size and flush timeout): the writer tops a batch up until it is
 * full or the wait is over, so a trickle of events becomes one bulk request, not one per event; a full batch
 * or the end of the stream never waits. (The waits here are generous bounds, not timing claims: a call that
 * waited when it must not would hit the class timeout.)
 */
@Timeout(20)
class BatchFillTest {
    @TempDir
    Path dir;

    private static FmcPipeline.Formatted record(long n) {
        return new FmcPipeline.Formatted(n, new byte[][] {{1}}, 1);
    }

    private static List<FmcPipeline.Formatted> first(BlockingQueue<FmcPipeline.Formatted> q) throws InterruptedException {
        List<FmcPipeline.Formatted> batch = new ArrayList<>();
        batch.add(q.take());
        return batch;
    }

    @Test
    void withoutAWaitOnlyWhatIsQueuedGoes() throws Exception {
        BlockingQueue<FmcPipeline.Formatted> q = new ArrayBlockingQueue<>(100);
        for (int i = 0; i < 3; i++) {
            q.put(record(i));
        }
        List<FmcPipeline.Formatted> batch = first(q);
        FmcPipeline.fill(q, batch, 10, 0);
        assertThat(batch).hasSize(3);
    }

    @Test
    void aTrickleWithinTheWaitEndsUpInOneBatch() throws Exception {
        BlockingQueue<FmcPipeline.Formatted> q = new ArrayBlockingQueue<>(100);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    q.put(record(i));
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        List<FmcPipeline.Formatted> batch = first(q);
        FmcPipeline.fill(q, batch, 20, TimeUnit.SECONDS.toNanos(15));
        producer.join();
        assertThat(batch).as("20 events arriving 10 ms apart, batch of 20, wait 15 s: one batch")
                .extracting(FmcPipeline.Formatted::sequence).containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, 20).boxed().toList());
    }

    @Test
    void aPartialBatchGoesWhenTheWaitIsOver() throws Exception {
        BlockingQueue<FmcPipeline.Formatted> q = new ArrayBlockingQueue<>(100);
        q.put(record(1));
        q.put(record(2));
        List<FmcPipeline.Formatted> batch = first(q);
        FmcPipeline.fill(q, batch, 1600, TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(batch).as("1,600 never come: the two go after the wait").hasSize(2);
    }

    @Test
    void aFullBatchOrTheEndOfTheStreamDoesNotWait() throws Exception {
        BlockingQueue<FmcPipeline.Formatted> q = new ArrayBlockingQueue<>(100);
        for (int i = 0; i < 12; i++) {
            q.put(record(i));
        }
        List<FmcPipeline.Formatted> batch = first(q);
        FmcPipeline.fill(q, batch, 10, TimeUnit.MINUTES.toNanos(5));
        assertThat(batch).hasSize(10);
        assertThat(q).hasSize(2);

        q.put(FmcPipeline.DONE);
        List<FmcPipeline.Formatted> last = first(q);
        FmcPipeline.fill(q, last, 10, TimeUnit.MINUTES.toNanos(5));
        assertThat(last).hasSize(3).last().isSameAs(FmcPipeline.DONE);
    }

    @Test
    void anElasticsearchOutputterSetsBulkSizedBatchesAndTheFlushTimeout() throws Exception {
        Files.writeString(dir.resolve("client.pkcs12"), "x");
        Path conf = Files.writeString(dir.resolve("es.conf"), """
                {"subscription": {"servers": [{"host": "fmc", "pkcs12Filepath": "client.pkcs12"}]},
                 "handler": {"outputters": [
                   {"adapter": "json", "stream": {"uri": "relfile:///out/events{0}.json"}},
                   {"adapter": "ecs", "stream": {"uri": "elasticsearch://"}, "elasticsearch": {"workers": 2}}]}}
                """);
        EstreamerConfig config = ConfigLoader.load(conf, FileCheck.REQUIRE_EXISTING);
        List<dev.estreamer.config.Outputter> outputters = config.handler().enabledOutputters();
        assertThat(config.queues().batchSize()).as("the default batchSize").isEqualTo(100);
        assertThat(ElasticOutputs.batchSize(outputters, config.queues().batchSize()))
                .as("Beats' 1,600 documents per bulk request, for each of 2 workers").isEqualTo(3200);
        assertThat(ElasticOutputs.batchWait(outputters)).as("Beats' 1 s flush timeout").isEqualTo(Duration.ofSeconds(1));

        Path fileOnly = Files.writeString(dir.resolve("file.conf"), """
                {"subscription": {"servers": [{"host": "fmc", "pkcs12Filepath": "client.pkcs12"}]},
                 "handler": {"outputters": [{"adapter": "json", "stream": {"uri": "relfile:///out/events{0}.json"}}]}}
                """);
        EstreamerConfig plain = ConfigLoader.load(fileOnly, FileCheck.REQUIRE_EXISTING);
        assertThat(ElasticOutputs.batchSize(plain.handler().enabledOutputters(), 100)).isEqualTo(100);
        assertThat(ElasticOutputs.batchWait(plain.handler().enabledOutputters())).as("files: no wait").isZero();
    }
}
