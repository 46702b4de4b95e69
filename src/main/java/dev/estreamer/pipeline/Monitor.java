package dev.estreamer.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic status line, in eNcore's shape ("Running. N handled; average rate R ev/sec;
 * bookmark ...;") extended with the rate over the last period, records by family, reconnects,
 * protocol errors and the socket backlog.
 */
public final class Monitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("estreamer.monitor");
    private final List<FmcPipeline> pipelines;
    private final Duration period;
    private final boolean showHandled;
    private final boolean showBookmark;
    private final Thread thread;
    private final long[] lastHandled;
    private volatile boolean stopped;

    public Monitor(List<FmcPipeline> pipelines, Duration period, boolean showHandled, boolean showBookmark) {
        this.pipelines = List.copyOf(pipelines);
        this.period = period;
        this.showHandled = showHandled;
        this.showBookmark = showBookmark;
        this.lastHandled = new long[pipelines.size()];
        this.thread = new Thread(this::loop, "monitor");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        long next = System.nanoTime() + period.toNanos();
        while (!stopped) {
            try {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait).toMillis() + 1);
                }
            } catch (InterruptedException e) {
                return;
            }
            // Skip ticks we slept through rather than logging a burst of them.
            while (next <= System.nanoTime()) {
                next += period.toNanos();
            }
            for (int i = 0; i < pipelines.size(); i++) {
                log.info(line(i));
            }
        }
    }

    /** The status line of pipeline {@code i}; advances its per-period counter. */
    String line(int i) {
        FmcPipeline p = pipelines.get(i);
        long handled = p.stats().handled.get();
        double seconds = Math.max(0.001, p.uptime().toMillis() / 1000.0);
        double periodRate = (handled - lastHandled[i]) / (double) Math.max(1, period.toSeconds());
        lastHandled[i] = handled;
        StringBuilder b = new StringBuilder();
        b.append(p.name()).append(": Running. ");
        if (showHandled) {
            b.append(handled).append(" handled; ");
        }
        b.append(String.format(Locale.ROOT, "average rate %.2f ev/sec; ", handled / seconds));
        if (showBookmark && p.bookmark() > 0) {
            b.append("bookmark ").append(Instant.ofEpochSecond(p.bookmark())).append("; ");
        }
        b.append(String.format(Locale.ROOT, "last %d s %.2f ev/sec; ", period.toSeconds(), periodRate));
        String families = p.stats().byFamily().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        b.append("families {").append(families).append("}; ");
        b.append("written ").append(p.stats().written.get()).append("; ");
        b.append("reconnects ").append(p.sessionStats().disconnects.get()).append("; ");
        b.append("protocol errors ").append(p.sessionStats().protocolErrors.get()).append("; ");
        b.append("malformed ").append(p.stats().malformed.get()).append("; ");
        b.append("queued ").append(p.queued()).append("; ");
        b.append("socket backlog ").append(p.sessionStats().socketBacklog.get()).append(" B;");
        return b.toString();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
