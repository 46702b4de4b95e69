/**
 * The FMC side of eStreamer, for tests and demos: {@link dev.estreamer.sim.Simulator} serves clients
 * over plain TCP or mutual TLS ({@link dev.estreamer.sim.ServerTls}, {@link dev.estreamer.sim.PeerCheck}),
 * from a {@link dev.estreamer.sim.CaptureReplay} or a {@link dev.estreamer.sim.SyntheticGenerator},
 * honouring the request (flags, initial timestamp, versions), bundling, waiting for the client's Nulls,
 * sending keep-alives, and injecting {@link dev.estreamer.sim.Faults}. Uses {@code wire} and the
 * {@code decode} catalogue only; never {@code session} or {@code pipeline}.
 */
package dev.estreamer.sim;
