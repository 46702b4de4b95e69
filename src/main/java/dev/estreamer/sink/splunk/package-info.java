/**
 * Splunk's modular-input protocol: the XML event stream a modular input writes to splunkd
 * ({@link dev.estreamer.sink.splunk.EventStream}, {@link dev.estreamer.sink.splunk.SplunkSink}), the
 * {@code --scheme} document and the validation error ({@link dev.estreamer.sink.splunk.Scheme}), and the input
 * definition splunkd writes to the input's stdin ({@link dev.estreamer.sink.splunk.InputDefinition}).
 *
 * <p>Knows nothing of eStreamer records: the event time travels in front of each payload
 * ({@link dev.estreamer.sink.splunk.TimedPayload}).
 */
package dev.estreamer.sink.splunk;
