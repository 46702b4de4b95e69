package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.testing.ClientHarness;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorTest {
    @TempDir
    Path dir;

    @Test
    void theLineHasEncoresShapeAndOurExtensions() throws Exception {
        new BookmarkStore(BookmarkStore.fileFor(dir.resolve("data"), "127.0.0.1", 9)).write(1606927953L);
        FmcPipeline p = ClientHarness.pipeline(ClientHarness.settings(9, RequestFlags.ENCORE_DEFAULT, Duration.ZERO),
                (h, port, t) -> {
                    throw new java.net.ConnectException("unused");
                }, dir.resolve("data"), dir.resolve("out"), FmcPipeline.Start.GENESIS);
        Monitor monitor = new Monitor(List.of(p), Duration.ofSeconds(10), true, true);
        p.stats().handled.set(250);
        p.stats().countFamily(dev.estreamer.record.Family.CONNECTION);
        String first = monitor.line(0);
        assertThat(first).startsWith("test: Running. 250 handled; average rate ")
                .contains("bookmark 2020-12-02T16:52:33Z;").contains("last 10 s 25.00 ev/sec;")
                .contains("families {connection=1};").contains("reconnects 0;").contains("protocol errors 0;")
                .contains("socket backlog 0 B;");
        p.stats().handled.set(300);
        assertThat(monitor.line(0)).contains("last 10 s 5.00 ev/sec;");
    }
}
