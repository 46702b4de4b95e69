package dev.estreamer.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test vectors written by hand from the layout tables (protocol.md, encore-behaviour.md 5.8/5.9), kept as
 * text resources in {@code dev/estreamer/decode/vectors/}, one file per family. Deliberately not produced by
 * {@link RecordEncoder}: an encoder and a decoder written from the same table agree even when both are wrong.
 *
 * <p>Format, line by line ({@code #} starts a comment):
 * <pre>
 * define NAME  hex...          a named piece of hex, used later as {@code @NAME}
 * vector TITLE                 starts a vector
 * types 19 20 21               record types that share this body (header type/length are added around it)
 * archive                      use the 16-byte record header (archive timestamp 1606923302, checksum 0)
 * blocks 1:95 1:14             block versions this vector exercises (checked to appear on the wire)
 * hex ...                      body bytes; tokens: hex digits, 'ascii text', 00*N (N zero bytes), @NAME
 * expect path = value          a decoded value (dot path; list items as items.N), rendered with toString
 * </pre>
 */
record HandVectors(String file, String title, List<Integer> types, boolean archive, List<String> blocks,
                   byte[] body, Map<String, String> expected) {

    static final long ARCHIVE_TIMESTAMP = 1606923302L;
    static final List<String> FILES = List.of("discovery.txt", "user.txt", "metadata.txt", "events.txt",
            "long-events.txt");

    /** The EventData payload for one of the record types. */
    byte[] payload(int type) {
        int header = archive ? 16 : 8;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(header + body.length);
        b.putInt(type).putInt(body.length);
        if (archive) {
            b.putInt((int) ARCHIVE_TIMESTAMP).putInt(0);
        }
        return b.put(body).array();
    }

    @Override
    public String toString() {
        return file + ": " + title + " " + types;
    }

    static List<HandVectors> all() {
        List<HandVectors> out = new ArrayList<>();
        for (String f : FILES) {
            out.addAll(parse(f, read(f)));
        }
        return out;
    }

    private static String read(String file) {
        try (InputStream in = HandVectors.class.getResourceAsStream("/dev/estreamer/decode/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HandVectors> parse(String file, String text) {
        List<HandVectors> out = new ArrayList<>();
        Map<String, byte[]> defines = new LinkedHashMap<>();
        Builder current = null;
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] kw = line.split("\\s+", 2);
            String rest = kw.length > 1 ? kw[1] : "";
            try {
                switch (kw[0]) {
                    case "define" -> {
                        String[] p = rest.split("\\s+", 2);
                        defines.put(p[0], bytes(p.length > 1 ? p[1] : "", defines));
                    }
                    case "vector" -> {
                        if (current != null) {
                            out.add(current.build());
                        }
                        current = new Builder(file, rest);
                    }
                    case "types" -> {
                        for (String t : rest.split("\\s+")) {
                            current.types.add(Integer.parseInt(t));
                        }
                    }
                    case "archive" -> current.archive = true;
                    case "blocks" -> current.blocks.addAll(List.of(rest.split("\\s+")));
                    case "hex" -> current.body.writeBytes(bytes(rest, defines));
                    case "expect" -> {
                        int eq = rest.indexOf('=');
                        current.expected.put(rest.substring(0, eq).strip(), rest.substring(eq + 1).strip());
                    }
                    default -> throw new IllegalArgumentException("unknown keyword " + kw[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (current != null) {
            out.add(current.build());
        }
        return out;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static byte[] bytes(String tokens, Map<String, byte[]> defines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < tokens.length()) {
            char c = tokens.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = tokens.indexOf('\'', i + 1);
                out.writeBytes(tokens.substring(i + 1, end).getBytes(StandardCharsets.UTF_8));
                i = end + 1;
            } else {
                int end = i;
                while (end < tokens.length() && !Character.isWhitespace(tokens.charAt(end))) {
                    end++;
                }
                String t = tokens.substring(i, end);
                if (t.startsWith("@")) {
                    byte[] d = defines.get(t.substring(1));
                    if (d == null) {
                        throw new IllegalArgumentException("undefined " + t);
                    }
                    out.writeBytes(d);
                } else if (t.startsWith("00*")) {
                    out.writeBytes(new byte[Integer.parseInt(t.substring(3))]);
                } else {
                    out.writeBytes(HexFormat.of().parseHex(t));
                }
                i = end;
            }
        }
        return out.toByteArray();
    }

    private static final class Builder {
        final String file;
        final String title;
        final List<Integer> types = new ArrayList<>();
        final List<String> blocks = new ArrayList<>();
        final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        final Map<String, String> expected = new LinkedHashMap<>();
        boolean archive;

        Builder(String file, String title) {
            this.file = file;
            this.title = title;
        }

        HandVectors build() {
            if (types.isEmpty() || expected.isEmpty()) {
                throw new IllegalArgumentException(title + ": a vector needs types and expectations");
            }
            return new HandVectors(file, title, List.copyOf(types), archive, List.copyOf(blocks), body.toByteArray(),
                    Map.copyOf(expected));
        }
    }
}
