/**
 * The sink contract: what outputs see of the pipeline. Implementations live in sub-packages and
 * never import the configuration or pipeline packages.
 *
 * <p>Every {@link dev.estreamer.sink.Sink} MUST:
 * <ol>
 *   <li>end every {@link dev.estreamer.sink.Batch} passed to {@code publish} in exactly one
 *       outcome (acknowledge, retry these payloads, or reject these payloads with a reason)
 *       before {@code publish} returns, including for an empty batch (acknowledge);
 *   <li>acknowledge only what is durable in the target (flushed, and fsynced when configured);
 *       a failed or uncertain write is never acknowledged;
 *   <li>on a failure, hand back for retry every payload not known to be written, with the
 *       cause; duplicates are allowed (at-least-once), loss is not;
 *   <li>reject only payloads the target will never accept, and say why; never drop silently;
 *   <li>not throw from {@code publish} for an I/O failure, and not retry internally forever (the
 *       pipeline owns back-off);
 *   <li>keep {@code close()} idempotent, and retry (never acknowledge) a batch published after
 *       {@code close()};
 *   <li>report counters through an {@link dev.estreamer.sink.Observer} (default
 *       {@code Observer.NONE});
 *   <li>pass {@code SinkContractTest} through a subclass of its own.
 * </ol>
 * {@code publish} is called by one thread at a time; a sink documents any other threading.
 */
package dev.estreamer.sink;
