package dev.estreamer.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static byte[] concat(Frame... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Frame f : frames) {
            out.writeBytes(f.encode());
        }
        return out.toByteArray();
    }

    /** Returns one byte per read, and throws a timeout before every third byte. */
    private static final class StutteringStream extends InputStream {
        private final byte[] data;
        private int pos;
        private int calls;

        StutteringStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (++calls % 3 == 0) {
                throw new SocketTimeoutException("simulated");
            }
            if (pos == data.length) {
                return -1;
            }
            b[off] = data[pos++];
            return 1;
        }
    }

    @Test
    void timeoutsMidFrameNeverDesynchronise() throws IOException {
        Frame a = new Frame(MessageType.EVENT_DATA, new byte[] {1, 2, 3, 4, 5});
        Frame b = Frame.nullMessage();
        Frame c = new ErrorMessage(19, "No space").toFrame();
        FrameReader reader = new FrameReader(new StutteringStream(concat(a, b, c)), 1024);
        List<Frame> got = new ArrayList<>();
        while (true) {
            try {
                Frame f = reader.read();
                if (f == null) {
                    break;
                }
                got.add(f);
            } catch (SocketTimeoutException e) {
                // retry: the reader kept what it had
            }
        }
        assertThat(got).extracting(Frame::type).containsExactly(4, 0, 1);
        assertThat(got.get(0).payload()).containsExactly(1, 2, 3, 4, 5);
        assertThat(ErrorMessage.decode(got.get(2).payload()).text()).isEqualTo("No space");
    }

    @Test
    void wrongVersionIsAProtocolErrorQuotingTheHeader() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.parse("0002000400000000")), 100);
        assertThatThrownBy(reader::read).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("version 2").hasMessageContaining("0002000400000000");
    }

    @Test
    void tooLongIsAProtocolError() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.parse("0001000401000000")), 16 * 1024 * 1024 - 1);
        assertThatThrownBy(reader::read).isInstanceOf(ProtocolException.class).hasMessageContaining("16777216");
    }

    @Test
    void endOfStreamInsideAFrameIsAnEofNotANull() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.parse("00010004000000100102")), 100);
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class).hasMessageContaining("2 of 16");
    }

    @Property(tries = 300)
    void arbitraryBytesNeverEscapeAsAnythingButTheDeclaredExceptions(@ForAll @Size(max = 300) byte[] bytes) {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), 256);
        int frames = 0;
        try {
            while (reader.read() != null) {
                frames++;
                assertThat(frames).isLessThanOrEqualTo(bytes.length / 8);
            }
        } catch (ProtocolException | IOException expected) {
            // declared outcomes
        }
    }

    @Property(tries = 200)
    void framesSurviveAnySplitting(@ForAll("frames") List<Frame> frames) throws IOException {
        byte[] all = concat(frames.toArray(new Frame[0]));
        FrameReader reader = new FrameReader(new StutteringStream(all), 4096);
        List<Frame> got = new ArrayList<>();
        while (true) {
            try {
                Frame f = reader.read();
                if (f == null) {
                    break;
                }
                got.add(f);
            } catch (SocketTimeoutException e) {
                // retry
            }
        }
        assertThat(got).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(got.get(i).type()).isEqualTo(frames.get(i).type());
            assertThat(got.get(i).payload()).isEqualTo(frames.get(i).payload());
        }
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<Frame> frame = Arbitraries.integers().between(0, 0xffff).flatMap(type ->
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(p -> new Frame(type, p)));
        return frame.list().ofMaxSize(10);
    }
}
