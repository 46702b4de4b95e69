package dev.estreamer.sim;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.MessageType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Replays a capture of raw wire messages (8-byte header messages back to back, like the golden
 * {@code bundles.bin}): bundles are split into their items, EventData messages give their payload,
 * anything else is skipped. The simulator re-bundles the records for each client.
 *
 * <p>With {@code loop}, the events repeat forever after the capture ends; each pass shifts archive
 * timestamps (and the first/last packet seconds of connection events, part of a connection's
 * identity) forward by the capture's time span plus one second, so every pass yields new, unique
 * events. Metadata is sent once, in the first pass.
 */
public final class CaptureReplay implements EventSource {
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;
    /** Offsets of the first/last packet seconds inside connection blocks (protocol.md 11.5). */
    private static final int DISCOVERY_HEADER = 56;

    private final List<SourceRecord> records;
    private final boolean loop;
    private final long span;

    private CaptureReplay(List<SourceRecord> records, boolean loop) {
        this.records = List.copyOf(records);
        this.loop = loop;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (SourceRecord r : records) {
            if (!r.metadata()) {
                min = Math.min(min, r.archiveTimestamp());
                max = Math.max(max, r.archiveTimestamp());
            }
        }
        this.span = min == Long.MAX_VALUE ? 0 : max - min + 1;
        if (loop && span == 0) {
            throw new EstreamerException(Stage.SIMULATOR, "a looping replay needs at least one event record");
        }
    }

    /** Loads a capture file once; the replay is then served from memory. */
    public static CaptureReplay load(Path capture, boolean loop) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(capture))) {
            return new CaptureReplay(parse(in, capture.toString()), loop);
        } catch (IOException e) {
            throw new EstreamerException(Stage.SIMULATOR, "cannot read capture " + capture + ": " + e.getMessage(), e);
        }
    }

    public static CaptureReplay load(Path capture) {
        return load(capture, false);
    }

    /** A replay of records already in memory (tests, other capture formats). */
    public static CaptureReplay of(List<SourceRecord> records, boolean loop) {
        return new CaptureReplay(records, loop);
    }

    /** The records of one pass, in capture order. */
    public List<SourceRecord> records() {
        return records;
    }

    public boolean loop() {
        return loop;
    }

    static List<SourceRecord> parse(InputStream in, String name) throws IOException {
        FrameReader reader = new FrameReader(in, MAX_MESSAGE);
        List<SourceRecord> out = new ArrayList<>();
        Frame frame;
        while ((frame = reader.read()) != null) {
            if (frame.type() == MessageType.MESSAGE_BUNDLE) {
                for (byte[] item : MessageBundle.decode(frame.payload()).items()) {
                    out.add(record(item, name, reader.bytesRead()));
                }
            } else if (frame.type() == MessageType.EVENT_DATA) {
                out.add(record(frame.payload(), name, reader.bytesRead()));
            }
        }
        return out;
    }

    /** Splits an EventData payload; header size by length arithmetic, as the FMC marks nothing. */
    static SourceRecord record(byte[] item, String name, long offset) {
        if (item.length < 8) {
            throw new EstreamerException(Stage.SIMULATOR, name + ": record of " + item.length + " bytes before offset " + offset);
        }
        ByteBuffer b = ByteBuffer.wrap(item);
        int word = b.getInt();
        long length = Integer.toUnsignedLong(b.getInt());
        boolean extended = item.length == 16 + length;
        if (!extended && item.length != 8 + length) {
            throw new EstreamerException(Stage.SIMULATOR, name + ": record type " + (word & 0xFFFF) + " declares "
                    + length + " bytes in an item of " + item.length + " (before offset " + offset + ")");
        }
        long timestamp = extended ? Integer.toUnsignedLong(b.getInt()) : 0L;
        int bodyStart = extended ? 16 : 8;
        byte[] body = java.util.Arrays.copyOfRange(item, bodyStart, item.length);
        boolean metadata = MetadataTypes.contains(word & 0xFFFF);
        // an event captured without bit 23 has no archive second; it keeps the short header
        return new SourceRecord(word, timestamp, metadata, extended, body);
    }

    @Override
    public Cursor open(Subscription subscription) {
        return new ReplayCursor(subscription);
    }

    private final class ReplayCursor implements Cursor {
        private final Subscription subscription;
        private final long firstEvent;
        private final long lastEvent;
        private long pass;
        private int index;
        private boolean wantedInPass;
        private SourceRecord next;

        ReplayCursor(Subscription subscription) {
            this.subscription = subscription;
            this.firstEvent = records.stream().filter(r -> !r.metadata()).mapToLong(SourceRecord::archiveTimestamp).min().orElse(0);
            this.lastEvent = records.stream().filter(r -> !r.metadata()).mapToLong(SourceRecord::archiveTimestamp).max().orElse(0);
            advance();
        }

        private void advance() {
            next = null;
            while (next == null) {
                if (index == records.size()) {
                    if (!loop || (pass > 0 && !wantedInPass && firstEvent + pass * span >= subscription.threshold())) {
                        return; // exhausted, or a whole pass past the threshold matched nothing: nothing ever will
                    }
                    index = 0;
                    wantedInPass = false;
                    // passes that end before the threshold hold nothing wanted: skip them arithmetically
                    long behind = subscription.threshold() - lastEvent;
                    pass = Math.max(pass + 1, behind > 0 ? behind / span : 0);
                }
                SourceRecord r = records.get(index++);
                if (pass > 0) {
                    if (r.metadata()) {
                        continue;
                    }
                    r = shifted(r, pass * span);
                }
                if (subscription.wants(r)) {
                    next = r;
                    wantedInPass = true;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SourceRecord next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            SourceRecord r = next;
            advance();
            return r;
        }
    }

    /** The event {@code shift} seconds later: archive second and, for connections, packet seconds. */
    static SourceRecord shifted(SourceRecord r, long shift) {
        long ts = r.archiveTimestamp() + shift;
        if (ts > 0xFFFFFFFFL) {
            throw new EstreamerException(Stage.SIMULATOR, "looping replay ran past the u32 archive timestamp range");
        }
        byte[] body = r.body();
        if (r.recordType() == Subscription.CONNECTION_RECORD && body.length >= DISCOVERY_HEADER + 8) {
            body = body.clone();
            ByteBuffer b = ByteBuffer.wrap(body);
            int block = b.getInt(DISCOVERY_HEADER);
            int first = block == 160 ? 161 : block >= 163 ? 181 : -1;
            if (first > 0 && body.length >= DISCOVERY_HEADER + first + 8) {
                for (int at : new int[] {DISCOVERY_HEADER + first, DISCOVERY_HEADER + first + 4}) {
                    long v = Integer.toUnsignedLong(b.getInt(at));
                    if (v != 0) {
                        b.putInt(at, (int) Math.min(0xFFFFFFFFL, v + shift));
                    }
                }
            }
        }
        return new SourceRecord(r.typeWord(), ts, r.metadata(), r.archiveHeader(), body);
    }
}
