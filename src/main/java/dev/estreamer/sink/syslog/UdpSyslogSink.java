package dev.estreamer.sink.syslog;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Observer;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.SinkException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Syslog over UDP: one message per datagram, never larger than the configured maximum (longer messages are cut
 * at a field boundary and counted). A datagram handed to the kernel is acknowledged: UDP has no delivery receipt.
 */
final class UdpSyslogSink implements SyslogSink {
    private final SyslogSinkConfig config;
    private final SyslogHeader header;
    private final AtomicLong truncated = new AtomicLong();
    private volatile Observer observer = Observer.NONE;
    private DatagramChannel channel;
    private volatile boolean closed;

    UdpSyslogSink(SyslogSinkConfig config) {
        this.config = config;
        this.header = new SyslogHeader(config.header(), config.facility(), config.severity(), config.hostname(),
                config.appName(), config.zone());
    }

    @Override
    public SyslogSink observedBy(Observer o) {
        this.observer = o;
        return this;
    }

    @Override
    public synchronized void publish(Batch batch) {
        observer.accepted(batch.payloads().size());
        if (closed) {
            retry(batch, 0, new SinkException(this + " is closed"));
            return;
        }
        int i = 0;
        long bytes = 0;
        try {
            if (channel == null) {
                channel = DatagramChannel.open();
                channel.connect(new InetSocketAddress(config.host(), config.port()));
            }
            byte[] prefix = header.at(config.clock().instant());
            for (; i < batch.payloads().size(); i++) {
                byte[] payload = batch.payloads().get(i).bytes();
                byte[] datagram = new byte[prefix.length + payload.length];
                System.arraycopy(prefix, 0, datagram, 0, prefix.length);
                System.arraycopy(payload, 0, datagram, prefix.length, payload.length);
                byte[] cut = Truncation.cut(datagram, config.maxDatagramSize());
                if (cut != datagram) {
                    truncated.incrementAndGet();
                }
                channel.write(ByteBuffer.wrap(cut));
                bytes += cut.length;
            }
        } catch (IOException | RuntimeException e) {
            closeChannel();
            observer.bytes(bytes);
            retry(batch, i, new SinkException("cannot send to syslog udp://" + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e));
            return;
        }
        observer.bytes(bytes);
        batch.acknowledge();
        observer.acknowledged(batch.payloads().size());
    }

    private void retry(Batch batch, int from, Throwable cause) {
        java.util.List<Payload> rest = batch.payloads().subList(from, batch.payloads().size());
        batch.retry(rest, cause);
        observer.retried(rest.size());
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was buffered: a datagram channel holds no data of ours
            }
            channel = null;
        }
    }

    @Override
    public long truncated() {
        return truncated.get();
    }

    @Override
    public long connections() {
        return 0;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeChannel();
    }

    @Override
    public String toString() {
        return "syslog udp://" + config.host() + ":" + config.port();
    }
}
