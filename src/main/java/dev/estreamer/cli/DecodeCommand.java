package dev.estreamer.cli;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.config.Adapter;
import dev.estreamer.format.Formatter;
import dev.estreamer.pipeline.Assembly;
import dev.estreamer.pipeline.Enrichment;
import dev.estreamer.record.Record;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.MessageType;
import dev.estreamer.wire.ProtocolException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code estreamer decode FILE}: decodes a file of raw eStreamer messages (8-byte headers back to
 * back, like a capture's bundles.bin) offline, one line per record on stdout.
 */
final class DecodeCommand implements Command {
    @Override
    public String name() {
        return "decode";
    }

    @Override
    public String summary() {
        return "decode a file of raw eStreamer wire messages offline, one line per record on stdout";
    }

    @Override
    public String usage() {
        return "[--format json|kv|ecs|cef] [--cache FILE] FILE";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
                .desc("output format: json (default), kv (Splunk key=value), ecs (Elastic Common Schema) or cef").build())
                .addOption(Option.builder().longOpt("cache").hasArg().argName("FILE")
                        .desc("start from this metadata journal (<host>-<port>_metadata.jsonl written by run)").build());
    }

    @Override
    public int run(CommandLine line) throws IOException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("give exactly one FILE to decode");
        }
        String format = line.getOptionValue("format", "json");
        Formatter formatter;
        try {
            // the same adapter -> formatter mapping as `run`, so offline output equals what run writes
            formatter = Assembly.formatter(Adapter.of(format), "--format");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format " + format + " is not available; use json, kv, ecs or cef");
        }
        Path file = Path.of(line.getArgList().get(0));
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Enrichment enrichment = line.hasOption("cache")
                    ? Enrichment.readOnly(Path.of(line.getOptionValue("cache"))) : Enrichment.inMemory();
            Result result = decode(in, new RecordDecoder(), enrichment, formatter, out);
            out.flush();
            System.err.printf("decoded %d record(s) from %d message(s) in %s%n", result.records(), result.messages(), file);
            if (result.damage() != null) {
                System.err.println("estreamer decode: " + result.damage());
                return Main.FAILURE;
            }
            return Main.OK;
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
    }

    /** What a decode run produced, and where the input was damaged (null when it was not). */
    record Result(long messages, long records, String damage) {
    }

    static Result decode(InputStream in, RecordDecoder decoder, Formatter formatter, OutputStream out) throws IOException {
        return decode(in, decoder, Enrichment.inMemory(), formatter, out);
    }

    /** Same enrichment as {@code run}: metadata earlier in the file names the events after it. */
    static Result decode(InputStream in, RecordDecoder decoder, Enrichment enrichment, Formatter formatter,
            OutputStream out) throws IOException {
        FrameReader reader = new FrameReader(in, Integer.MAX_VALUE - 16);
        long messages = 0;
        long records = 0;
        while (true) {
            long offset = reader.bytesRead();
            Frame frame;
            try {
                frame = reader.read();
            } catch (ProtocolException | EOFException e) {
                return new Result(messages, records, "damaged input at byte offset " + offset + " (message "
                        + (messages + 1) + "): " + e.getMessage() + "; everything before it was decoded");
            }
            if (frame == null) {
                return new Result(messages, records, null);
            }
            messages++;
            List<byte[]> payloads;
            try {
                payloads = switch (frame.type()) {
                    case MessageType.EVENT_DATA -> List.of(frame.payload());
                    case MessageType.MESSAGE_BUNDLE -> MessageBundle.decode(frame.payload()).items();
                    default -> List.of();
                };
            } catch (ProtocolException e) {
                return new Result(messages, records, "damaged message bundle at byte offset " + offset + ": "
                        + e.getMessage() + "; everything before it was decoded");
            }
            for (byte[] payload : payloads) {
                Record record = enrichment.apply(decoder.decode(payload));
                byte[] bytes = formatter.format(record);
                if (bytes != null) {
                    out.write(bytes);
                    out.write('\n');
                }
                records++;
            }
        }
    }
}
