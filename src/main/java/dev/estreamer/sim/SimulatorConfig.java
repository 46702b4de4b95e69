package dev.estreamer.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Everything a {@link Simulator} needs; build with {@link #builder(EventSource)}.
 *
 * @param bindAddress      address to listen on (default 127.0.0.1)
 * @param port             TCP port; 0 = ephemeral, read it back with {@link Simulator#port()}
 * @param sslContext       server context (mutual TLS, see {@link ServerTls}); null = plain TCP for unit tests
 * @param peerCheck        post-handshake CN/IP check (TLS only); failures close silently, like an FMC
 * @param source           the records to serve
 * @param recordsPerBundle records per Message Bundle (default 50)
 * @param ackWindow        bundles in flight before the simulator waits for the client's Nulls (default 8);
 *                         plain (non-extended) sessions allow {@code ackWindow * recordsPerBundle} messages
 * @param keepAlive        Null sent after this long without sending anything (default 10 s)
 * @param itemFraming      bundle item framing (default {@link ItemFraming#FMC})
 * @param netmapId         when > 0, put into bits 16-30 of every record type word (multi-domain FMC)
 * @param faults           injected faults (default none)
 * @param handshakeTimeout how long a client may take to send its requests (default 30 s)
 * @param maxClientMessage longest client message accepted (default 64 KiB); longer = Error + close
 */
public record SimulatorConfig(InetAddress bindAddress, int port, SSLContext sslContext, PeerCheck.Mode peerCheck,
        EventSource source, int recordsPerBundle, int ackWindow, Duration keepAlive, ItemFraming itemFraming,
        int netmapId, Faults faults, Duration handshakeTimeout, int maxClientMessage) {

    public SimulatorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(peerCheck, "peerCheck");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(itemFraming, "itemFraming");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (recordsPerBundle < 1) {
            throw new IllegalArgumentException("recordsPerBundle must be >= 1");
        }
        if (ackWindow < 1) {
            throw new IllegalArgumentException("ackWindow must be >= 1");
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive must be positive");
        }
        if (netmapId < 0 || netmapId > 0x7FFF) {
            throw new IllegalArgumentException("netmapId must fit 15 bits: " + netmapId);
        }
        if (maxClientMessage < 64) {
            throw new IllegalArgumentException("maxClientMessage must be >= 64");
        }
    }

    public static Builder builder(EventSource source) {
        return new Builder(source);
    }

    /** Whether the simulator speaks TLS. */
    public boolean tls() {
        return sslContext != null;
    }

    /** Builder with the defaults listed on {@link SimulatorConfig}. */
    public static final class Builder {
        private InetAddress bindAddress;
        private int port;
        private SSLContext sslContext;
        private PeerCheck.Mode peerCheck = PeerCheck.Mode.STRICT_IP;
        private EventSource source;
        private int recordsPerBundle = 50;
        private int ackWindow = 8;
        private Duration keepAlive = Duration.ofSeconds(10);
        private ItemFraming itemFraming = ItemFraming.FMC;
        private int netmapId;
        private Faults faults = Faults.none();
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private int maxClientMessage = 64 * 1024;

        private Builder(EventSource source) {
            this.source = source;
            try {
                this.bindAddress = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Mutual TLS with this server context (null = plain TCP). */
        public Builder tls(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder peerCheck(PeerCheck.Mode mode) {
            this.peerCheck = mode;
            return this;
        }

        public Builder source(EventSource source) {
            this.source = source;
            return this;
        }

        public Builder recordsPerBundle(int records) {
            this.recordsPerBundle = records;
            return this;
        }

        public Builder ackWindow(int bundles) {
            this.ackWindow = bundles;
            return this;
        }

        public Builder keepAlive(Duration interval) {
            this.keepAlive = interval;
            return this;
        }

        public Builder itemFraming(ItemFraming framing) {
            this.itemFraming = framing;
            return this;
        }

        public Builder netmapId(int id) {
            this.netmapId = id;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = faults;
            return this;
        }

        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        public Builder maxClientMessage(int bytes) {
            this.maxClientMessage = bytes;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(bindAddress, port, sslContext, peerCheck, source, recordsPerBundle, ackWindow,
                    keepAlive, itemFraming, netmapId, faults, handshakeTimeout, maxClientMessage);
        }
    }
}
