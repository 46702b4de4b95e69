package dev.estreamer.sink.file;

import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class FileSinkContractTest extends SinkContractTest {
    private static final String PATTERN = "encore.{0}.log";

    @TempDir
    Path tmp;

    @Override
    protected Sink newWorkingSink() {
        // rotation every 2 lines, so the contract also covers batches that span files
        return FileSinkConfig.defaults(tmp.resolve("out")).withFileName(PATTERN).withRotation(true, 2).build();
    }

    @Override
    protected List<String> readBack() throws Exception {
        return new LogDirectory(tmp.resolve("out"), PATTERN).lines();
    }

    @Override
    protected Sink newFailingSink() throws Exception {
        // a regular file where the directory should be: fails even for root
        Path notADirectory = Files.writeString(tmp.resolve("not-a-directory"), "x");
        return FileSinkConfig.defaults(notADirectory).build();
    }
}
