package dev.estreamer.sink.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a new log file; a seam so tests can inject I/O failures (root ignores permissions). */
@FunctionalInterface
interface ChannelOpener {

    /** Creates the file, failing with {@code FileAlreadyExistsException} if it exists. */
    FileChannel createNew(Path path) throws IOException;

    /** CREATE_NEW: an existing file is never truncated or appended to. */
    ChannelOpener DEFAULT =
            path -> FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
}
