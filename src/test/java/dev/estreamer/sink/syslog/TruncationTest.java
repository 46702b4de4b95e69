package dev.estreamer.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.format.CefParser;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cutting a message to a datagram: at a field boundary, never inside an escape or a UTF-8 character. */
@Timeout(30)
class TruncationTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String cut(String s, int max) {
        return new String(Truncation.cut(b(s), max), StandardCharsets.UTF_8);
    }

    @Test
    void aMessageThatFitsIsReturnedAsIs() {
        byte[] m = b("CEF:0|a|b|c|d|e|1|k=v");
        assertThat(Truncation.cut(m, m.length)).isSameAs(m);
    }

    @Test
    void cutsBeforeTheLastKeyThatDoesNotFit() {
        String m = "CEF:0|a|b|c|d|e|1|src=1.2.3.4 msg=hello world again request=http://x/y";
        assertThat(cut(m, m.indexOf("request=") + 5)).isEqualTo("CEF:0|a|b|c|d|e|1|src=1.2.3.4 msg=hello world again");
        // inside msg's value: its words are not keys, so the cut goes back to the start of msg
        assertThat(cut(m, m.indexOf("again") + 2)).isEqualTo("CEF:0|a|b|c|d|e|1|src=1.2.3.4");
    }

    @Test
    void anEscapedEqualsSignIsNotAKey() {
        String m = "CEF:0|a|b|c|d|e|1|src=1.2.3.4 request=/a?b\\=c d\\=e tail";
        assertThat(cut(m, m.length() - 2)).isEqualTo("CEF:0|a|b|c|d|e|1|src=1.2.3.4");
    }

    @Test
    void neverEndsOnAnEscapingBackslashOrInsideACharacter() {
        assertThat(cut("CEF:0|a|b|c|d|e|1|k=aaaa\\\\bbbb", 25)).isEqualTo("CEF:0|a|b|c|d|e|1|k=aaaa");
        assertThat(cut("CEF:0|a|b|c|d|e|1|k=aaaa\\\\bbbb", 26)).isEqualTo("CEF:0|a|b|c|d|e|1|k=aaaa\\\\");
        assertThat(cut("CEF:0|a|b|c|d|e|1|k=日本語", 25)).isEqualTo("CEF:0|a|b|c|d|e|1|k=日");
    }

    @Property(tries = 1000)
    void everyCutOfAValidMessageIsValidAndAPrefix(
            @ForAll @StringLength(min = 1, max = 60) @Chars({'a', 'b', ' ', '=', '\\', 'é', '日', '|', 'n'}) String value,
            @ForAll @IntRange(min = 24, max = 120) int max) {
        StringBuilder esc = new StringBuilder();
        for (char c : value.toCharArray()) {
            esc.append(c == '\\' ? "\\\\" : c == '=' ? "\\=" : String.valueOf(c));
        }
        String message = "CEF:0|a|b|c|d|e|1|src=1.2.3.4 msg=" + esc + " dst=5.6.7.8";
        byte[] cut = Truncation.cut(b(message), max);
        assertThat(cut.length).isLessThanOrEqualTo(Math.max(max, 0));
        String text = new String(cut, StandardCharsets.UTF_8);
        assertThat(message).startsWith(text);
        if (text.length() > "CEF:0|a|b|c|d|e|1|".length() + 3) {
            CefParser.parse(text); // still well-formed CEF
        }
    }
}
