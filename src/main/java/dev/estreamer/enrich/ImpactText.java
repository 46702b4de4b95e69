package dev.estreamer.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small derivations eNcore's View makes from raw values: impact level from flag bits, 9's description, 110's client IP. */
final class ImpactText {
    private static final Pattern IMPACT = Pattern.compile("\\[Impact: (\\d+)\\]");

    private ImpactText() {
    }

    /** Impact level 0-4 from the impact flag bits (vulnerable, potentially vulnerable, not vulnerable, unknown target). */
    static int impact(long bits) {
        if ((bits & 0b11011000) != 0) {
            return 1;
        }
        if ((bits & 0b110) == 0b110) {
            return 2;
        }
        if ((bits & 0b10) != 0) {
            return 3;
        }
        if ((bits & 0b1) != 0) {
            return 4;
        }
        return 0;
    }

    /** Record 9: the N of "[Impact: N]", else the text with double quotes turned into single ones. */
    static String description(String text) {
        Matcher m = IMPACT.matcher(text);
        return m.find() ? m.group(1) : text.replace('"', '\'');
    }

    /** Record 110 type 2: a 32-hex-digit address blob as IPv4 when the first 20 hex digits are zero, else IPv6. */
    static String clientIp(String hex) {
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return hex;
        }
        if (hex.startsWith("00000000000000000000")) {
            String v4 = hex.substring(24);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(sb.length() == 0 ? "" : ".").append(Integer.parseInt(v4.substring(i, i + 2), 16));
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i += 4) {
            sb.append(i == 0 ? "" : ":").append(Integer.toHexString(Integer.parseInt(hex.substring(i, i + 4), 16)));
        }
        return sb.toString();
    }
}
