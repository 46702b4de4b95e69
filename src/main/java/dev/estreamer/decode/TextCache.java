package dev.estreamer.decode;

/**
 * The text of recently rendered 16-byte values (UUIDs, IPv6 addresses), direct-mapped by the value.
 *
 * <p>Zones, interfaces, policies and busy hosts recur in event after event, so most renderings become a lookup
 * and no allocation. Shared by every thread without locks: entries are immutable, so a racing reader sees a
 * whole entry or none, and a lost store only costs one more rendering.
 */
final class TextCache {
    private static final int BITS = 10;

    private record Entry(long hi, long lo, String text) {
    }

    private final Entry[] slots = new Entry[1 << BITS];

    /** The cached text of the value, or null. */
    String get(long hi, long lo) {
        Entry e = slots[index(hi, lo)];
        return e != null && e.hi == hi && e.lo == lo ? e.text : null;
    }

    String put(long hi, long lo, String text) {
        slots[index(hi, lo)] = new Entry(hi, lo, text);
        return text;
    }

    private static int index(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L + lo * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> (64 - BITS));
    }
}
