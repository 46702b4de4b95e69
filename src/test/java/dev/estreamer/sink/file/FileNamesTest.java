package dev.estreamer.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void placeholderBecomesTheEpochSecondAndCollisionsGetASuffixAfterIt() {
        FileNames names = new FileNames("encore.{0}.log");
        assertThat(names.name(1_700_000_000L, 0)).isEqualTo("encore.1700000000.log");
        assertThat(names.name(1_700_000_000L, 2)).isEqualTo("encore.1700000000-2.log");
    }

    @Test
    void patternWithoutPlaceholderGetsTheSuffixAtTheEnd() {
        FileNames names = new FileNames("events.json");
        assertThat(names.name(1L, 0)).isEqualTo("events.json");
        assertThat(names.name(1L, 1)).isEqualTo("events.json-1");
        assertThat(names.order("events.json")).isEmpty();
    }

    @Test
    void orderRecognisesOnlyNamesThePatternProduces() {
        FileNames names = new FileNames("log{0}");
        assertThat(names.order("log1700000000")).hasValueSatisfying(o -> assertThat(o).containsExactly(1_700_000_000L, 0));
        assertThat(names.order("log1700000000-7")).hasValueSatisfying(o -> assertThat(o).containsExactly(1_700_000_000L, 7));
        assertThat(names.order("log")).isEmpty();
        assertThat(names.order("logx")).isEmpty();
        assertThat(names.order("log12.bak")).isEmpty();
        assertThat(names.order("log99999999999999999999999")).isEmpty();
    }
}
