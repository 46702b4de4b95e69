package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void decodesTheGoldenCaptureOneJsonLinePerRecord() throws Exception {
        Path file = Golden.bundles(dir);
        assertThat(new Main().execute(new String[] {"decode", file.toString()})).isZero();
        assertThat(lines()).hasSize(69);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines().stream().filter(l -> {
            try {
                return json.readTree(l).get("recordType").asInt() == 71;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        })).hasSize(38);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("decoded 69 record(s) from 5 message(s)");
    }

    @Test
    void decodesTheGoldenCaptureAsSplunkKeyValue() throws Exception {
        Path file = Golden.bundles(dir);
        assertThat(new Main().execute(new String[] {"decode", "--format", "kv", file.toString()})).isZero();
        assertThat(lines()).hasSize(69).allMatch(l -> l.startsWith("rec_type="));
        assertThat(lines().stream().filter(l -> l.startsWith("rec_type=71 event_sec="))).hasSize(38);
        assertThat(lines()).anyMatch(l -> l.contains(" user=\"No Authentication Required\""));
    }

    @Test
    void aTruncatedFileDecodesWhatItCanAndReportsTheOffsetOfTheDamage() throws Exception {
        byte[] all = Files.readAllBytes(Golden.bundles(dir));
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(all, 3000));
        assertThat(new Main().execute(new String[] {"decode", cut.toString()})).isEqualTo(Main.FAILURE);
        assertThat(lines()).hasSize(23);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("damaged input at byte offset 1679");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThat(new Main().execute(new String[] {"decode", dir.resolve("nope.bin").toString()})).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    }

    @Test
    void flagsAreDecodedIntoNamesAndFmcWording() {
        assertThat(new Main().execute(new String[] {"flags", "0x08900061"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0x08900061").contains("bit 27: extra-data")
                .doesNotContain("extended-request").contains("w/ Extra IDS Event data");
    }

    @Test
    void unknownCommandsAndBadOptionsExitWithTwo() {
        assertThat(new Main().execute(new String[] {"frobnicate"})).isEqualTo(Main.USAGE);
        assertThat(new Main().execute(new String[] {"flags", "not-hex"})).isEqualTo(Main.USAGE);
    }
}
