package dev.estreamer.session;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one session across reconnects; read by the monitor from another thread. */
public final class SessionStats {
    public final AtomicLong connects = new AtomicLong();
    public final AtomicLong disconnects = new AtomicLong();
    public final AtomicLong records = new AtomicLong();
    public final AtomicLong bundles = new AtomicLong();
    public final AtomicLong bytes = new AtomicLong();
    public final AtomicLong keepAlives = new AtomicLong();
    public final AtomicLong serverErrors = new AtomicLong();
    public final AtomicLong protocolErrors = new AtomicLong();
    /** Bytes received by the kernel but not yet read by the session (sampled). */
    public final AtomicLong socketBacklog = new AtomicLong();
}
