package dev.estreamer.sink;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.estreamer.testing.InMemorySink;
import java.util.List;

class InMemorySinkContractTest extends SinkContractTest {
    private InMemorySink sink;

    @Override
    protected Sink newWorkingSink() {
        sink = new InMemorySink();
        return sink;
    }

    @Override
    protected List<String> readBack() {
        return sink.delivered().stream().map(p -> new String(p.bytes(), UTF_8)).toList();
    }

    @Override
    protected Sink newFailingSink() {
        return InMemorySink.failingAlways();
    }
}
