package dev.estreamer.sink.file;

import dev.estreamer.sink.Observer;
import dev.estreamer.sink.SinkException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Settings of a {@link FileSink} (eNcore's {@code file://} and {@code relfile://} streams).
 *
 * @param directory where the files go; created when missing
 * @param fileName  name pattern; {@code {0}} is replaced by the epoch second at open
 * @param rotate    start a new file after {@code maxLines} lines
 * @param maxLines  lines per file when rotating (eNcore {@code maxLogs})
 * @param flush     when lines are flushed; a batch is acknowledged only after its flush
 * @param fsync     force file contents to the device before acknowledging
 * @param maxFiles  files of this pattern to keep in the directory, the newest first; 0 keeps all
 */
public record FileSinkConfig(
        Path directory,
        String fileName,
        boolean rotate,
        int maxLines,
        FlushPolicy flush,
        boolean fsync,
        int maxFiles) {

    /** eNcore's default file name. */
    public static final String DEFAULT_FILE_NAME = "log{0}";
    /** eNcore's default {@code maxLogs}. */
    public static final int DEFAULT_MAX_LINES = 10_000;

    /** Defaults: {@code log{0}}, rotate every 10000 lines, flush per batch, no fsync, keep all. */
    public static FileSinkConfig defaults(Path directory) {
        return new FileSinkConfig(
                directory, DEFAULT_FILE_NAME, true, DEFAULT_MAX_LINES, FlushPolicy.BATCH, false, 0);
    }

    public FileSinkConfig withFileName(String pattern) {
        return new FileSinkConfig(directory, pattern, rotate, maxLines, flush, fsync, maxFiles);
    }

    public FileSinkConfig withRotation(boolean rotate, int maxLines) {
        return new FileSinkConfig(directory, fileName, rotate, maxLines, flush, fsync, maxFiles);
    }

    public FileSinkConfig withFlush(FlushPolicy flush) {
        return new FileSinkConfig(directory, fileName, rotate, maxLines, flush, fsync, maxFiles);
    }

    public FileSinkConfig withFsync(boolean fsync) {
        return new FileSinkConfig(directory, fileName, rotate, maxLines, flush, fsync, maxFiles);
    }

    public FileSinkConfig withMaxFiles(int maxFiles) {
        return new FileSinkConfig(directory, fileName, rotate, maxLines, flush, fsync, maxFiles);
    }

    /** Throws a {@link SinkException} naming the first bad setting and its value. */
    public FileSinkConfig validate() {
        if (directory == null) {
            throw new SinkException("file sink: directory is missing");
        }
        if (fileName == null || fileName.isBlank()) {
            throw new SinkException("file sink: fileName is empty; use e.g. \"encore.{0}.log\"");
        }
        if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0 || fileName.indexOf('\0') >= 0
                || fileName.equals(".") || fileName.equals("..")) {
            throw new SinkException("file sink: fileName \"" + fileName
                    + "\" must be a plain file name; put directories in the directory setting");
        }
        int placeholders = fileName.split(Pattern.quote(FileNames.PLACEHOLDER), -1).length - 1;
        if (placeholders > 1) {
            throw new SinkException("file sink: fileName \"" + fileName + "\" has {0} more than once");
        }
        if (maxLines < 1) {
            throw new SinkException("file sink: maxLines must be at least 1, was " + maxLines);
        }
        if (flush == null) {
            throw new SinkException("file sink: flush is missing; use LINE or BATCH");
        }
        if (maxFiles < 0) {
            throw new SinkException("file sink: maxFiles must be 0 (keep all) or more, was " + maxFiles);
        }
        if (maxFiles > 0 && placeholders == 0) {
            throw new SinkException("file sink: maxFiles " + maxFiles + " needs {0} in fileName \""
                    + fileName + "\" to tell old files from new ones");
        }
        return this;
    }

    /** A validated sink without an observer. */
    public FileSink build() {
        return build(Observer.NONE);
    }

    /** A validated sink reporting to {@code observer}. */
    public FileSink build(Observer observer) {
        validate();
        return new FileSink(this, observer, () -> System.currentTimeMillis() / 1000, ChannelOpener.DEFAULT);
    }
}
