/**
 * The eStreamer wire format: the 8-byte message header, message types, request flags, the
 * extended-request messages (Streaming Information, Streaming Request), Error messages and
 * Message Bundles. Pure: no sockets, no threads, no logging.
 *
 * <pre>
 * +0  u16 header version (always 1)
 * +2  u16 message type        (0 Null, 1 Error, 2 Event Stream Request, 4 Event Data,
 *                              2049 Streaming Request, 2051 Streaming Information, 4002 Bundle)
 * +4  u32 payload length      (bytes after the header)
 * </pre>
 */
package dev.estreamer.wire;
