package dev.estreamer.sink.syslog;

import dev.estreamer.sink.Observer;
import dev.estreamer.sink.Sink;

/** A sink that sends each payload as one syslog message. */
public interface SyslogSink extends Sink {
    /** Messages cut to fit a datagram since start. */
    long truncated();

    /** Connections opened since start (TCP/TLS; 0 for UDP). */
    long connections();

    /** Reports counters to {@code observer}; returns this. */
    SyslogSink observedBy(Observer observer);
}
