package dev.estreamer.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected misbehaviour, fired once the session has sent {@code afterRecords} records
 * (metadata and events; injected corrupt records do not count).
 */
public record Fault(Kind kind, long afterRecords, int errorCode, String errorText, Duration stall, Corruption corruption) {
    /** What the simulated FMC does wrong. */
    public enum Kind {
        /** Close the connection mid-stream without an Error message (an FMC process crash). */
        DROP,
        /** Send an Error message, then close (as an FMC does before a deliberate close). */
        ERROR,
        /** Send nothing, not even keep-alives, for {@code stall}; the socket stays open. */
        STALL,
        /** Send one corrupt record inside a well-framed message, then carry on with clean data. */
        CORRUPT,
        /** Send a message whose header version is 2, then close (the stream cannot be trusted after it). */
        BAD_VERSION,
        /** Send a header whose length is absurd (0x7FFFFFF0 bytes), then close. */
        OVERLONG_LENGTH
    }

    /** How a {@link Kind#CORRUPT} record is broken. */
    public enum Corruption {
        /** Item framing is fine, but the record header declares a length the item cannot hold. */
        IMPOSSIBLE_RECORD_LENGTH,
        /** The bundle's last item claims more bytes than the bundle has (a truncated item). */
        TRUNCATED_ITEM,
        /** A consistent connection-record header around bytes that are no valid connection block. */
        GARBAGE
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (afterRecords < 0) {
            throw new IllegalArgumentException("afterRecords must be >= 0");
        }
        errorText = errorText == null ? "" : errorText;
        stall = stall == null ? Duration.ZERO : stall;
        if (kind == Kind.CORRUPT) {
            Objects.requireNonNull(corruption, "corruption");
        }
    }

    public static Fault dropAfter(long records) {
        return new Fault(Kind.DROP, records, 0, null, null, null);
    }

    public static Fault errorAfter(long records, int code, String text) {
        return new Fault(Kind.ERROR, records, code, text, null, null);
    }

    public static Fault stallAfter(long records, Duration stall) {
        return new Fault(Kind.STALL, records, 0, null, stall, null);
    }

    public static Fault corruptAfter(long records, Corruption corruption) {
        return new Fault(Kind.CORRUPT, records, 0, null, null, corruption);
    }

    public static Fault badVersionAfter(long records) {
        return new Fault(Kind.BAD_VERSION, records, 0, null, null, null);
    }

    public static Fault overlongLengthAfter(long records) {
        return new Fault(Kind.OVERLONG_LENGTH, records, 0, null, null, null);
    }

    /** Whether the session survives this fault and keeps streaming. */
    boolean continues() {
        return kind == Kind.STALL || kind == Kind.CORRUPT;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ERROR -> "ERROR(" + errorCode + " \"" + errorText + "\") after " + afterRecords + " records";
            case STALL -> "STALL(" + stall + ") after " + afterRecords + " records";
            case CORRUPT -> "CORRUPT(" + corruption + ") after " + afterRecords + " records";
            default -> kind + " after " + afterRecords + " records";
        };
    }
}
