package dev.estreamer.cli;

import dev.estreamer.decode.bench.CpuTimeProfiler;
import dev.estreamer.decode.bench.DecodeBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code estreamer bench}: (a) decode of connection events, (b) decode + JSON into a null sink — both JMH, one
 * thread, in a forked JVM — and (c) simulator → TLS → client → JSON files with the client's RSS. Medians, since
 * the figures of a shared machine wander.
 */
final class BenchCommand implements Command {
    private static final List<String> DECODE = List.of("decodeGolden", "decodeConnection163", "decodeConnection174");
    private static final List<String> ENRICH = List.of("decodeGolden", "decodeAndEnrichGolden", "enrichGolden", "enrichUnseenGolden");
    private static final List<String> JSON = List.of("decodeAndFormatGolden", "decodeAndFormatJson163",
            "decodeAndFormatJson174", "formatGolden", "decodeAndFormatCefGolden");
    private static final List<String> WHICH = List.of("decode", "enrich", "json", "e2e", "e2e-cef-tcp");
    private static final int JMH_ITERATIONS = 5;
    /**
     * Warm-up iterations of 2 s: with 3 the decode + JSON fork was still being recompiled during the first
     * measured iterations (280 k, 330 k, then a steady 415-430 k records/s), which measured the JIT, not the code.
     */
    private static final int JMH_WARMUP_ITERATIONS = 6;
    static final String DEFAULT_CLIENT_OPTIONS = "-Xms64m -Xmx128m -XX:+UseSerialGC";

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure decode, decode + JSON, and simulator-to-file throughput on this machine";
    }

    @Override
    public String usage() {
        return "[--only decode|enrich|json|e2e|e2e-cef-tcp] [--forks N] [--events N] [--seconds S]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("only").hasArg().argName("WHICH")
                        .desc("run one benchmark: decode, enrich, json (with CEF next to it), e2e, or e2e-cef-tcp"
                                + " (CEF over syslog TCP to a counting receiver instead of JSON files; not in the default"
                                + " set) (default: all but e2e-cef-tcp)").build())
                .addOption(Option.builder().longOpt("seconds").hasArg().argName("S")
                        .desc("measured time of each benchmark: JMH runs " + JMH_ITERATIONS
                                + " iterations of S/" + JMH_ITERATIONS + " s (default 10), e2e takes S one-second"
                                + " samples (default 30)").build())
                .addOption(Option.builder().longOpt("warmup").hasArg().argName("S")
                        .desc("warm-up seconds (default: JMH " + JMH_WARMUP_ITERATIONS + " x 2 s, e2e 15 s)").build())
                .addOption(Option.builder().longOpt("forks").hasArg().argName("N")
                        .desc("JMH: run each benchmark in N JVMs one after the other and take the median over all their"
                                + " iterations (default 1); on a shared machine one JVM can land in a slow spell or a"
                                + " worse compilation, N = 3 keeps one such JVM from deciding the figure").build())
                .addOption(Option.builder().longOpt("events").hasArg().argName("N")
                        .desc("e2e: stop measuring once N events were sent after the warm-up").build())
                .addOption(Option.builder().longOpt("client-opts").hasArg().argName("OPTS")
                        .desc("e2e: JVM options of the client process (default \"" + DEFAULT_CLIENT_OPTIONS + "\")")
                        .build())
                .addOption(Option.builder().longOpt("dir").hasArg().argName("DIR")
                        .desc("e2e: where the temporary directory (PKI, configuration, JSON files) is made"
                                + " (default: java.io.tmpdir)").build())
                .addOption(Option.builder().longOpt("keep").desc("e2e: keep the temporary directory").build());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        String only = line.getOptionValue("only");
        if (only != null && !WHICH.contains(only)) {
            throw new UsageException("--only takes " + String.join(", ", WHICH) + ", not " + only);
        }
        Integer seconds = positive(line, "seconds");
        Integer warmup = positive(line, "warmup");
        Integer forksOption = positive(line, "forks");
        int forks = forksOption == null ? 1 : forksOption;
        long events = line.hasOption("events") ? positive(line, "events") : 0;
        if (!line.hasOption("debug")) {
            Logs.setRootLevel("WARN"); // the simulator's and JMH's chatter would bury the figures
        }
        PrintStream out = System.out;
        out.printf("machine: %d CPU(s), %s, Java %s (%s)%n", Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
        Map<String, String> summary = new LinkedHashMap<>();
        if (only == null || only.equals("decode")) {
            jmh(DECODE, seconds, warmup, forks).forEach((k, v) -> summary.put("(a) decode " + k, v));
        }
        if (only == null || only.equals("enrich")) {
            Map<String, Medians[]> enrich = jmhRaw(ENRICH, seconds, warmup, forks);
            enrich.forEach((k, v) -> summary.put("(e) " + k, describe(v)));
            summary.put("(e) enrich time / decode time", enrichShare(enrich));
        }
        if (only == null || only.equals("json")) {
            jmh(JSON, seconds, warmup, forks).forEach((k, v) -> summary.put("(b) " + (k.startsWith("format") ? "json "
                    : k.contains("Cef") ? "decode+cef " : "decode+json ") + k, v));
        }
        if (only == null || only.equals("e2e")) {
            List<String> jvm = Arrays.asList(line.getOptionValue("client-opts", DEFAULT_CLIENT_OPTIONS).trim().split("\\s+"));
            EndToEndBench.Result r = new EndToEndBench(warmup == null ? 15 : warmup, seconds == null ? 30 : seconds,
                    events, jvm, line.hasOption("keep"),
                    java.nio.file.Path.of(line.getOptionValue("dir", System.getProperty("java.io.tmpdir"))), out).run();
            summary.put("(c) e2e events", r.rate().perSecond());
            summary.put("(c) e2e client RSS", String.format("max %,d kB sampled, peak (VmHWM) %,d kB, client JVM %s",
                    r.maxRssKb(), r.peakRssKb(), String.join(" ", jvm)));
            summary.put("(c) e2e check", String.format("simulator sent %,d records, the client wrote %,d, %,d bytes of JSON",
                    r.sent(), r.written(), r.bytesWritten()));
        }
        if ("e2e-cef-tcp".equals(only)) {
            List<String> jvm = Arrays.asList(line.getOptionValue("client-opts", DEFAULT_CLIENT_OPTIONS).trim().split("\\s+"));
            EndToEndBench.Result r = new EndToEndBench(EndToEndBench.Output.CEF_TCP, warmup == null ? 15 : warmup,
                    seconds == null ? 30 : seconds, events, jvm, line.hasOption("keep"),
                    java.nio.file.Path.of(line.getOptionValue("dir", System.getProperty("java.io.tmpdir"))), out).run();
            summary.put("(c) e2e-cef-tcp records sent", r.rate().perSecond());
            summary.put("(c) e2e-cef-tcp CEF lines received", r.lines().perSecond());
            summary.put("(c) e2e-cef-tcp client RSS", String.format("max %,d kB sampled, peak (VmHWM) %,d kB, client JVM %s",
                    r.maxRssKb(), r.peakRssKb(), String.join(" ", jvm)));
            summary.put("(c) e2e-cef-tcp check", String.format("simulator sent %,d records, the client wrote %,d,"
                    + " the receiver counted %,d lines, %,d bytes", r.sent(), r.written(), r.linesReceived(),
                    r.bytesWritten()));
        }
        out.println();
        out.println("== estreamer bench: medians ==");
        summary.forEach((k, v) -> out.printf("%-40s %s%n", k, v));
        return Main.OK;
    }

    /** JMH's score per wall-second and the same per CPU-second of the benchmark JVM, as medians of iterations. */
    private static Map<String, String> jmh(List<String> methods, Integer seconds, Integer warmup, int forks)
            throws RunnerException {
        Map<String, String> out = new LinkedHashMap<>();
        jmhRaw(methods, seconds, warmup, forks).forEach((k, v) -> out.put(k, describe(v)));
        return out;
    }

    private static String describe(Medians[] wallAndCpu) {
        return wallAndCpu[0].perSecond() + " records; per CPU-second " + String.format("%,.0f", wallAndCpu[1].median());
    }

    /**
     * The speed goal, enrichment at most a third of decode time, from the medians: time per record is the
     * inverse of a rate, so enrich/decode = decode rate / enrich rate, and (decode+enrich) - decode gives it again.
     */
    static String enrichShare(Map<String, Medians[]> r) {
        Medians[] decode = r.get("decodeGolden");
        Medians[] both = r.get("decodeAndEnrichGolden");
        Medians[] enrich = r.get("enrichGolden");
        Medians[] unseen = r.get("enrichUnseenGolden");
        if (decode == null || both == null || enrich == null) {
            return "n/a";
        }
        StringBuilder s = new StringBuilder();
        String[] label = {"wall", "per CPU-second"};
        for (int k = 0; k < 2; k++) {
            double d = decode[k].median();
            double alone = d / enrich[k].median();
            double added = (d / both[k].median()) - 1;
            s.append(k == 0 ? "" : "; ").append(String.format("%s: enrichGolden %.2f, decodeAndEnrich - decode %.2f",
                    label[k], alone, added));
            if (unseen != null) {
                s.append(String.format(", every record unseen (enrichUnseenGolden) %.2f", d / unseen[k].median()));
            }
        }
        return s.append(" (goal <= 0.33)").toString();
    }

    private static Map<String, Medians[]> jmhRaw(List<String> methods, Integer seconds, Integer warmup, int forks)
            throws RunnerException {
        int iterationSeconds = seconds == null ? 2 : Math.max(1, seconds / JMH_ITERATIONS);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(forks)
                .threads(1)
                .warmupIterations(JMH_WARMUP_ITERATIONS)
                .warmupTime(TimeValue.seconds(warmup == null ? 2 : Math.max(1, warmup / JMH_WARMUP_ITERATIONS)))
                .measurementIterations(JMH_ITERATIONS)
                .measurementTime(TimeValue.seconds(iterationSeconds))
                .jvmArgs("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true)
                .addProfiler(CpuTimeProfiler.class)
                .verbosity(VerboseMode.NORMAL);
        for (String m : methods) {
            options.include("^" + Pattern.quote(DecodeBenchmark.class.getName() + "." + m) + "$");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Medians[]> out = new LinkedHashMap<>();
        for (String m : methods) {
            for (RunResult r : results) {
                if (r.getParams().getBenchmark().endsWith("." + m)) {
                    List<Double> wall = new ArrayList<>();
                    List<Double> cpu = new ArrayList<>();
                    for (BenchmarkResult b : r.getBenchmarkResults()) {
                        for (IterationResult i : b.getIterationResults()) {
                            wall.add(i.getPrimaryResult().getScore());
                            Result perCpu = i.getSecondaryResults().get(CpuTimeProfiler.OPS_PER_CPU_SECOND);
                            if (perCpu != null) {
                                cpu.add(perCpu.getScore());
                            }
                        }
                    }
                    out.put(m, new Medians[] {Medians.of(wall), Medians.of(cpu)});
                }
            }
        }
        return out;
    }

    private static Integer positive(CommandLine line, String option) {
        if (!line.hasOption(option)) {
            return null;
        }
        String v = line.getOptionValue(option);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + option + " takes a positive whole number, not " + v);
    }

    private static String cpuModel() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
