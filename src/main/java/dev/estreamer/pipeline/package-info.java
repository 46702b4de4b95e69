/**
 * Per-FMC wiring: session → bounded queue → decode, filter, format → bounded queue → sinks, with
 * acknowledgements flowing back into the {@link dev.estreamer.pipeline.AckTracker} and from there
 * into the {@link dev.estreamer.pipeline.BookmarkStore}. See {@code docs/concurrency.md} for the
 * threads and their rules.
 */
package dev.estreamer.pipeline;
