package dev.estreamer.config;

/** How packet payloads (record 2) are rendered as text ({@code subscription.records.packetEncoding}). */
public enum PacketEncoding {
    HEX("hex"), ASCII("ascii"), UTF_8("utf-8");

    private final String word;

    PacketEncoding(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    static PacketEncoding of(String word) {
        for (PacketEncoding e : values()) {
            if (e.word.equals(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException(word);
    }
}
