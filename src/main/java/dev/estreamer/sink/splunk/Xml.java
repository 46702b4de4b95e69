package dev.estreamer.sink.splunk;

/** XML 1.0 text and attribute escaping; characters XML cannot carry at all become U+FFFD. */
final class Xml {
    private Xml() {
    }

    static void escape(StringBuilder out, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n', '\t' -> out.append(c);
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    static String escape(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(out, s);
        return out.toString();
    }
}
