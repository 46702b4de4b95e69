package dev.estreamer.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The faults a simulator injects, and whether each fires once for the whole simulator (so a client
 * that reconnects then gets clean data) or once on every connection.
 */
public record Faults(List<Fault> faults, Scope scope) {
    /** How often a fault fires. */
    public enum Scope {
        /** Once in the simulator's life, on the first connection that reaches it. */
        ONCE_PER_SIMULATOR,
        /** Once on each connection. */
        ONCE_PER_CONNECTION
    }

    private static final Faults NONE = new Faults(List.of(), Scope.ONCE_PER_SIMULATOR);

    public Faults {
        faults = List.copyOf(faults);
        if (scope == null) {
            throw new IllegalArgumentException("scope");
        }
    }

    public static Faults none() {
        return NONE;
    }

    public static Faults once(Fault... faults) {
        return new Faults(List.of(faults), Scope.ONCE_PER_SIMULATOR);
    }

    public static Faults everyConnection(Fault... faults) {
        return new Faults(List.of(faults), Scope.ONCE_PER_CONNECTION);
    }

    /** Fired-flags shared by every session of one simulator run. */
    Ledger ledger() {
        return new Ledger(this);
    }

    /** Which faults have fired in one simulator run. */
    static final class Ledger {
        private final Faults faults;
        private final List<AtomicBoolean> fired = new ArrayList<>();

        Ledger(Faults faults) {
            this.faults = faults;
            for (int i = 0; i < faults.faults().size(); i++) {
                fired.add(new AtomicBoolean());
            }
        }

        /** A view for one connection; per-connection scope gets its own flags. */
        Pending forConnection() {
            if (faults.scope() == Scope.ONCE_PER_CONNECTION) {
                return new Pending(faults.faults(), new Ledger(faults).fired);
            }
            return new Pending(faults.faults(), fired);
        }
    }

    /** The faults still to fire on one connection. */
    static final class Pending {
        private final List<Fault> faults;
        private final List<AtomicBoolean> fired;

        Pending(List<Fault> faults, List<AtomicBoolean> fired) {
            this.faults = faults;
            this.fired = fired;
        }

        /** The smallest record count > {@code sent} at which an unfired fault waits, or Long.MAX_VALUE. */
        long nextBoundary(long sent) {
            long next = Long.MAX_VALUE;
            for (int i = 0; i < faults.size(); i++) {
                long at = faults.get(i).afterRecords();
                if (!fired.get(i).get() && at > sent) {
                    next = Math.min(next, at);
                }
            }
            return next;
        }

        /** Claims the unfired faults due at {@code sent} records, in configuration order. */
        List<Fault> claim(long sent) {
            List<Fault> out = new ArrayList<>();
            for (int i = 0; i < faults.size(); i++) {
                if (faults.get(i).afterRecords() <= sent && fired.get(i).compareAndSet(false, true)) {
                    out.add(faults.get(i));
                }
            }
            return out;
        }
    }
}
