package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.EstreamerException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookmarkStoreTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFileEncoreWrote() throws Exception {
        Path file = BookmarkStore.fileFor(dir, "10.101.101.198", 8302);
        assertThat(file.getFileName().toString()).isEqualTo("10.101.101.198-8302_bookmark.dat");
        Files.writeString(file, "{\"1\": 1606927953}");
        assertThat(new BookmarkStore(file).read()).hasValue(1606927953L);
    }

    @Test
    void writesWhatEncoreReads() throws Exception {
        BookmarkStore store = new BookmarkStore(dir.resolve("h-1_bookmark.dat"));
        store.write(1606923302L);
        assertThat(Files.readString(store.file())).isEqualTo("{\"1\": 1606923302}");
        assertThat(store.read()).hasValue(1606923302L);
        store.write(1606927953L);
        assertThat(store.read()).hasValue(1606927953L);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void missingFileIsEmpty() {
        assertThat(new BookmarkStore(dir.resolve("none.dat")).read()).isEmpty();
    }

    @Test
    void floatFromEncoreConfigureIsTruncatedNotIgnored() throws Exception {
        Path file = dir.resolve("b.dat");
        Files.writeString(file, "{\"1\": 1606927953.75}");
        assertThat(new BookmarkStore(file).read()).hasValue(1606927953L);
    }

    @Test
    void garbageNamesTheFileAndTheFix() throws Exception {
        Path file = dir.resolve("b.dat");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> new BookmarkStore(file).read()).isInstanceOf(EstreamerException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("delete it");
    }
}
