package dev.estreamer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real Elasticsearch for all integration tests of a JVM. With {@code ESTREAMER_ES_URL} set (e.g. by
 * .ci/run) that server is used; otherwise the 9.2.0 integ-test zip from the local Maven repository
 * (fetched by .ci/run with mvn dependency:get) is unpacked under /tmp and started on a free loopback
 * port with a 512 MB heap, security off, as the unprivileged user estreamer-es when running as root
 * (Elasticsearch refuses root). It is stopped when the JVM exits.
 */
public final class ElasticServer {
    private static final String VERSION = "9.2.0";
    private static final String JAVA = System.getenv().getOrDefault("ES_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64");
    private static String url;

    private ElasticServer() {
    }

    /** The base URL, starting the server on first use. */
    public static synchronized String url() {
        if (url == null) {
            String env = System.getenv("ESTREAMER_ES_URL");
            url = env != null && !env.isBlank() ? env.replaceAll("/$", "") : start();
        }
        return url;
    }

    private static String start() {
        try {
            Path zip = Path.of(System.getProperty("user.home"), ".m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch",
                    VERSION, "elasticsearch-" + VERSION + ".zip");
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("Elasticsearch test server missing: run mvn dependency:get "
                        + "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + VERSION + ":zip (see .ci/run)");
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            Path base = Path.of("/tmp", "estreamer-es-" + VERSION + (root ? "" : "-" + System.getProperty("user.name")));
            Path home = base.resolve("elasticsearch-" + VERSION);
            if (!Files.isDirectory(home.resolve("bin"))) {
                Files.createDirectories(base);
                run(List.of("unzip", "-q", "-o", zip.toString(), "-d", base.toString()));
            }
            int port = freePort();
            Path data = Files.createTempDirectory(base, "node-");
            if (root) {
                run(List.of("sh", "-c", "id estreamer-es >/dev/null 2>&1 || useradd --system --no-create-home "
                        + "--shell /usr/sbin/nologin estreamer-es"));
                run(List.of("chown", "-R", "estreamer-es", base.toString()));
                run(List.of("chmod", "755", base.toString()));
            }
            List<String> cmd = new ArrayList<>();
            if (root) {
                cmd.addAll(List.of("runuser", "-u", "estreamer-es", "--"));
            }
            cmd.addAll(List.of("env", "ES_JAVA_HOME=" + JAVA, "ES_JAVA_OPTS=-Xms512m -Xmx512m",
                    home.resolve("bin/elasticsearch").toString(),
                    "-E", "http.host=127.0.0.1", "-E", "http.port=" + port, "-E", "transport.port=" + freePort(),
                    "-E", "discovery.type=single-node", "-E", "xpack.security.enabled=false",
                    "-E", "path.data=" + data.resolve("data"), "-E", "path.logs=" + data.resolve("logs"),
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(data.resolve("console.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }));
            String u = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("Elasticsearch exited with " + p.exitValue() + "; see " + data.resolve("console.log"));
                }
                if (healthy(u)) {
                    return u;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("Elasticsearch did not start within 150 s; see " + data.resolve("console.log"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Elasticsearch: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Elasticsearch", e);
        }
    }

    private static boolean healthy(String u) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(u + "/_cluster/health").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try (InputStream in = c.getInputStream()) {
                return c.getResponseCode() == 200 && !new String(in.readAllBytes()).contains("\"red\"");
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(cmd + " failed: " + out);
        }
    }
}
