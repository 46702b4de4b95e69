package dev.estreamer.cli;

import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.pipeline.Assembly;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code estreamer flags 0x48900061} or {@code estreamer flags --config FILE}. */
final class FlagsCommand implements Command {
    @Override
    public String name() {
        return "flags";
    }

    @Override
    public String summary() {
        return "decode request flags into names, or print the flags a configuration produces";
    }

    @Override
    public String usage() {
        return "0x48900061 | --config FILE";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                .desc("print the flags and Streaming Request events this configuration produces").build());
    }

    @Override
    public int run(CommandLine line) {
        RequestFlags flags;
        List<EventVersion> events = null;
        if (line.hasOption("config")) {
            EstreamerConfig config = ConfigLoader.load(Path.of(line.getOptionValue("config")), FileCheck.SKIP);
            flags = Assembly.flags(config.subscription().records());
            events = Assembly.events(config.subscription().events());
        } else if (line.getArgList().size() == 1) {
            try {
                flags = RequestFlags.parse(line.getArgList().get(0));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            throw new UsageException("give one flags value (hex) or --config FILE");
        }
        System.out.println(flags.hex());
        for (String name : flags.names()) {
            System.out.println("  bit " + name);
        }
        System.out.println("FMC log wording: " + flags.fmcWording());
        if (events != null && flags.has(RequestFlags.EXTENDED)) {
            System.out.println("Streaming Request events:");
            for (EventVersion e : events) {
                System.out.println("  " + e);
            }
        }
        return Main.OK;
    }
}
