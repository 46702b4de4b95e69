package dev.estreamer.config;

/**
 * Sizes of the bounded hand-offs between pipeline stages, taken from eNcore's keys.
 *
 * @param batchSize most records per batch handed to a sink (partial batches are still flushed when idle)
 * @param queueSize capacity, in batches, of each queue between stages
 * @param queueMegabytes most megabytes of records in each queue between stages
 */
public record Queues(int batchSize, int queueSize, int queueMegabytes) {
}
