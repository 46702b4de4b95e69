package dev.estreamer.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Family;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import dev.estreamer.testing.SplunkKv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile values in user names, URLs and file names round-trip through Splunk's auto_escaped extraction. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KvInjectionTest {
    static final List<String> CORPUS = List.of(
            "bob smith", "a\" forged=\"yes", "a\\\" forged=yes", "x\\\\\" forged=1 y=\"", "trailing\\",
            "line1\nrec_type=400 event_sec=1", "cr\rlf\r\n", "tab\there", "nul\u0000bell\u0007", "ls\u2028ps\u2029",
            "Jürgen Müller", "用户=管理员", "ユーザー", "CORP\\jdoe", "", "=", "\"", "\\", "\\\"", " forged=1",
            "http://evil.example/?a=b&c=\"d\" user=root", "C:\\Users\\x\\file name.exe", "..\\..\\etc\\passwd",
            "emoji 🔥 \"q\"", "a=b=c", "\"\"", "key=\"value\" other=\"x\"");

    private final KvFormatter kv = new KvFormatter();

    @Test
    void everyCorpusValueRoundTripsInEveryPosition() {
        for (String hostile : CORPUS) {
            assertRoundTrip(hostile);
        }
    }

    @Property(tries = 300)
    void arbitraryStringsNeverForgeAField(@ForAll String hostile) {
        assertRoundTrip(hostile);
    }

    @Test
    void theSuspiciousReadingCatchesWhatEncoreWrote() {
        // eNcore quoted values with a space but escaped nothing: a user name can end its quotes and add a field
        String encore = "rec_type=500 user=\"a\" forged=\"yes\" file_name=x&admin=1";
        assertThat(SplunkKv.extract(encore)).containsKey("forged");
        assertThat(SplunkKv.extractAnywhere(encore)).containsKeys("forged", "admin");
    }

    @Test
    void safeValuesStayBareAndEmptyIsQuoted() {
        String line = line(connection("alice", "https://host.example/path", "report.pdf"));
        assertThat(line).contains(" user=alice ").contains(" uri=https://host.example/path");
        assertThat(line(connection("", "", "x"))).contains(" user=\"\" ");
        assertThat(line(connection("a\"b", "x", "y"))).contains(" user=\"a\\\"b\" ");
        assertThat(line(connection("a\nb", "x", "y"))).contains(" user=\"a\\nb\" ");
    }

    private void assertRoundTrip(String hostile) {
        String line = line(connection(hostile, hostile, hostile));
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        Map<String, String> fields = SplunkKv.extract(line);
        assertThat(SplunkKv.extractAnywhere(line)).as("pairs found anywhere in %s", line).isEqualTo(fields);
        String expected = encoded(hostile);
        assertThat(fields).as("fields of %s", line)
                .containsOnlyKeys("rec_type", "event_sec", "src_ip", "uri", "user", "file_name", "rec_type_desc",
                        "rec_type_simple", "rec_type_category", "rec_type_family")
                .containsEntry("user", expected).containsEntry("uri", expected)
                .containsEntry("file_name", expected).containsEntry("event_sec", "1700000000");
        Map<String, String> generic = SplunkKv.extract(line(unknownType(hostile)));
        assertThat(generic).containsEntry("weird_name", expected).containsEntry("count", "7");
    }

    /** What Splunk shows: the value itself, with line breaks and controls as their escapes. */
    static String encoded(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085'
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    private String line(Record r) {
        return new String(kv.format(r), StandardCharsets.UTF_8);
    }

    /** A 500-like record: the file name in a string block; user and URL as computed and raw text. */
    static Record connection(String user, String url, String file) {
        Fields block = new Fields(FieldNames.of("blockType", "blockLength", "data"), new Object[] {0L, 8L, file});
        Fields urlBlock = new Fields(FieldNames.of("blockType", "blockLength", "data"), new Object[] {0L, 8L, url});
        Fields computed = new Fields(FieldNames.of("recordTypeCategory", "recordTypeDescription", "eventSecond",
                "user", "recordTypeFamily"), new Object[] {"FILELOG EVENT", "File Event", 1_700_000_000L, user, "FILE"});
        Fields withUrl = new Fields(FieldNames.of("fileEventTimestamp", "sourceIpAddress", "fileName", "uri"),
                new Object[] {1_700_000_000L, "10.0.0.1", block, urlBlock});
        return new Record(new Record.Header(500, 0, 100, true, 1_700_000_000L, 0), "File Event", "FILELOG EVENT",
                Family.FILE, Status.DECODED, withUrl, new byte[0]).withComputed(computed);
    }

    static Record unknownType(String value) {
        Fields fields = new Fields(FieldNames.of("weirdName", "count"), new Object[] {value, 7L});
        return new Record(new Record.Header(9999, 0, 10, false, 0, 0), "Unknown", "UNKNOWN", Family.UNKNOWN,
                Status.UNKNOWN_TYPE, fields, new byte[0]);
    }
}
