package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sim.SyntheticGenerator;
import java.nio.file.Path;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} generates every family by default, connection events alone with --connections-only. */
@Timeout(30)
class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyFamilyByDefaultConnectionsOnlyOnRequest() throws Exception {
        SimulateCommand command = new SimulateCommand();
        SyntheticGenerator all = (SyntheticGenerator) SimulateCommand.source(
                new DefaultParser().parse(command.options(), new String[] {"--events", "40"}), dir);
        SyntheticGenerator connections = (SyntheticGenerator) SimulateCommand.source(
                new DefaultParser().parse(command.options(), new String[] {"--events", "40", "--connections-only"}), dir);
        assertThat(all.recordType(1)).isEqualTo(400);
        assertThat(connections.recordType(1)).isEqualTo(71);
        assertThat(all.metadata().size()).isGreaterThan(connections.metadata().size());
    }
}
