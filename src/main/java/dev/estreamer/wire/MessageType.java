package dev.estreamer.wire;

/** eStreamer message type codes (protocol.md 2.1). */
public final class MessageType {
    public static final int NULL = 0;
    public static final int ERROR = 1;
    public static final int EVENT_STREAM_REQUEST = 2;
    public static final int EVENT_DATA = 4;
    public static final int HOST_REQUEST = 5;
    public static final int SINGLE_HOST_DATA = 6;
    public static final int MULTIPLE_HOST_DATA = 7;
    public static final int STREAMING_REQUEST = 2049;
    public static final int STREAMING_INFORMATION = 2051;
    public static final int MESSAGE_BUNDLE = 4002;

    private MessageType() {
    }

    /** A readable name for logs, e.g. {@code "MessageBundle(4002)"}. */
    public static String name(int type) {
        String name = switch (type) {
            case NULL -> "Null";
            case ERROR -> "Error";
            case EVENT_STREAM_REQUEST -> "EventStreamRequest";
            case EVENT_DATA -> "EventData";
            case HOST_REQUEST -> "HostRequest";
            case SINGLE_HOST_DATA -> "SingleHostData";
            case MULTIPLE_HOST_DATA -> "MultipleHostData";
            case STREAMING_REQUEST -> "StreamingRequest";
            case STREAMING_INFORMATION -> "StreamingInformation";
            case MESSAGE_BUNDLE -> "MessageBundle";
            default -> "Unknown";
        };
        return name + "(" + type + ")";
    }
}
