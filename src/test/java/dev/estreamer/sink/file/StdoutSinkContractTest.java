package dev.estreamer.sink.file;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.estreamer.sink.Framing;
import dev.estreamer.sink.Observer;
import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkContractTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The contract for the stream sink over a raw OutputStream and over a PrintStream. */
class StdoutSinkContractTest {

    /** An output that fails every write, like a closed pipe. */
    static final class BrokenStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("Broken pipe");
        }
    }

    static List<String> lines(ByteArrayOutputStream out) {
        String text = out.toString(UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    @Nested
    class OverOutputStream extends SinkContractTest {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        protected Sink newWorkingSink() {
            return new StdoutSink(out, Framing.NEWLINE, Observer.NONE, "test-stream");
        }

        @Override
        protected List<String> readBack() {
            return lines(out);
        }

        @Override
        protected Sink newFailingSink() {
            return new StdoutSink(new BrokenStream(), Framing.NEWLINE, Observer.NONE, "broken-stream");
        }
    }

    @Nested
    class OverPrintStream extends SinkContractTest {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        protected Sink newWorkingSink() {
            return new StdoutSink(new PrintStream(out, false, UTF_8), Framing.NEWLINE, Observer.NONE, "stdout");
        }

        @Override
        protected List<String> readBack() {
            return lines(out);
        }

        @Override
        protected Sink newFailingSink() {
            // PrintStream swallows the IOException; the sink must notice through checkError()
            return new StdoutSink(new PrintStream(new BrokenStream(), false, UTF_8),
                    Framing.NEWLINE, Observer.NONE, "stdout");
        }
    }
}
