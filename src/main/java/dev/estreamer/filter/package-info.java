/**
 * Which decoded records are written, from eNcore's {@code handler.records} switches. A filtered
 * record is acknowledged at once: it counts as delivered for the bookmark.
 */
package dev.estreamer.filter;
