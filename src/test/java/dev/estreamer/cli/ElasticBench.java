package dev.estreamer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.testing.ElasticServer;
import dev.estreamer.testing.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Manual benchmark (docs/benchmarks.md, "Elasticsearch"): simulator (synthetic generator, every family, as
 * fast as taken) → {@code estreamer run} in a child JVM → ECS documents → the local single-node Elasticsearch
 * of the tests ({@link ElasticServer}, or {@code ESTREAMER_ES_URL}). Each second it samples the documents
 * Elasticsearch indexed (index stats of the bench namespace), the shipper's CPU and Elasticsearch's CPU
 * (utime + stime of both JVMs from /proc), and prints medians of documents/s, CPU ms per 10,000 documents of
 * each, and their ratio. Run: {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}
 * then {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.estreamer.cli.ElasticBench [seconds] [warmup]}.
 */
public final class ElasticBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long TICKS = clockTicks();

    private ElasticBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String es = ElasticServer.url();
        long esPid = esPid(es);
        String ns = "bench" + System.currentTimeMillis() % 100000;
        Path dir = Files.createTempDirectory("estreamer-es-bench-");
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(3).allFamilies(true).build();
        SimulatorConfig simConfig = SimulatorConfig.builder(generator)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).build();
        try (Simulator sim = new Simulator(simConfig).start()) {
            Path conf = dir.resolve("estreamer.conf");
            Files.writeString(conf, """
                    {"start": 0, "batchSize": 1600, "queueSize": 2, "dataDirectory": "data",
                     "logging": {"filepath": "estreamer.log", "level": "INFO", "stdOut": false, "stdErr": false},
                     "subscription": {"servers": [{"host": "127.0.0.1", "port": %d, "pkcs12Filepath": "%s"}]},
                     "handler": {"outputters": [{"adapter": "ecs", "stream": {"uri": "elasticsearch://"},
                         "elasticsearch": {"hosts": ["%s"], "namespace": "%s", "workers": %d}}]}}
                    """.formatted(sim.port(), pki.clientPkcs12(), es, ns, workers));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xms64m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--config", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("client.out").toFile());
            pb.environment().put("ESTREAMER_PKCS12_PASSWORD", TestPki.PASSWORD);
            Process client = pb.start();
            System.out.printf("Elasticsearch %s (pid %d), shipper pid %d, %d cores, %d workers; warm-up %d s, %d samples%n",
                    es, esPid, client.pid(), Runtime.getRuntime().availableProcessors(), workers, warmup, seconds);
            List<double[]> samples = new ArrayList<>();
            try {
                TimeUnit.SECONDS.sleep(warmup);
                long docs = indexed(es, ns);
                long shipper = cpuTicks(client.pid());
                long elastic = cpuTicks(esPid);
                long t = System.nanoTime();
                long docs0 = docs;
                long shipper0 = shipper;
                long elastic0 = elastic;
                long t0 = t;
                for (int i = 0; i < seconds; i++) {
                    TimeUnit.SECONDS.sleep(1);
                    long d = indexed(es, ns);
                    long s = cpuTicks(client.pid());
                    long e = cpuTicks(esPid);
                    long now = System.nanoTime();
                    double secs = (now - t) / 1e9;
                    double n = d - docs;
                    double shipperMs = (s - shipper) * 1000.0 / TICKS;
                    double esMs = (e - elastic) * 1000.0 / TICKS;
                    samples.add(new double[] {n / secs, n == 0 ? Double.NaN : shipperMs * 10_000 / n,
                            n == 0 ? Double.NaN : esMs * 10_000 / n, shipperMs / 1000 / secs, esMs / 1000 / secs,
                            shipperMs == 0 ? Double.NaN : esMs / shipperMs});
                    System.out.printf("%3d s %,9.0f docs/s  shipper %.2f cores  ES %.2f cores%n", i + 1, n / secs,
                            shipperMs / 1000 / secs, esMs / 1000 / secs);
                    docs = d;
                    shipper = s;
                    elastic = e;
                    t = now;
                }
                double n = docs - docs0;
                double shipperMs = (shipper - shipper0) * 1000.0 / TICKS;
                double esMs = (elastic - elastic0) * 1000.0 / TICKS;
                System.out.printf("whole window: %,.0f docs in %.1f s = %,.0f docs/s; shipper %,.0f CPU ms / 10k docs,"
                        + " Elasticsearch %,.0f CPU ms / 10k docs, ratio %.2f%n", n, (t - t0) / 1e9, n * 1e9 / (t - t0),
                        shipperMs * 10_000 / n, esMs * 10_000 / n, esMs / shipperMs);
            } finally {
                client.destroy();
                client.waitFor(20, TimeUnit.SECONDS);
            }
            String[] names = {"documents/s", "shipper CPU ms / 10k docs", "Elasticsearch CPU ms / 10k docs",
                "shipper CPU (cores)", "Elasticsearch CPU (cores)", "Elasticsearch CPU / shipper CPU"};
            for (int k = 0; k < names.length; k++) {
                final int col = k;
                double[] v = samples.stream().mapToDouble(a -> a[col]).filter(x -> !Double.isNaN(x)).sorted().toArray();
                System.out.printf("median %-34s %,12.2f   (min %,.2f, max %,.2f)%n", names[k], v[v.length / 2], v[0],
                        v[v.length - 1]);
            }
            System.out.println("log: " + dir.resolve("estreamer.log"));
        }
        System.exit(0);
    }

    private static long indexed(String es, String ns) throws Exception {
        JsonNode n = get(es + "/logs-cisco_firepower.*-" + ns + "/_stats/indexing");
        return n.path("_all").path("primaries").path("indexing").path("index_total").asLong();
    }

    private static long esPid(String es) throws Exception {
        Iterator<JsonNode> nodes = get(es + "/_nodes/_local/process").path("nodes").elements();
        return nodes.next().path("process").path("id").asLong();
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(r.body());
    }

    /** utime + stime of a process, in clock ticks, from /proc/PID/stat. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100;
        }
    }
}
