package dev.estreamer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads a password from splunkd's secure storage ({@code storage/passwords}) with the management URI and
 * session key splunkd hands a modular input on stdin. The password is never logged.
 *
 * <p>splunkd's management port usually has a self-signed certificate: on a loopback address (where splunkd
 * itself runs) the certificate is not verified; on any other address it must be trusted by the JVM.
 *
 * <p>HTTP through OkHttp, the project's HTTP client (DESIGN.md).
 */
final class SecureStorage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String sessionKey;
    private final OkHttpClient client;

    SecureStorage(String serverUri, String sessionKey) {
        URI uri;
        try {
            uri = URI.create(serverUri == null ? "" : serverUri.trim().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new EstreamerException(Stage.CONFIG, "splunkd gave no usable server_uri (\"" + serverUri
                    + "\"), so the PKCS#12 password cannot be read from secure storage");
        }
        this.base = uri;
        this.sessionKey = sessionKey == null ? "" : sessionKey.trim();
        OkHttpClient.Builder b = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(60));
        if ("https".equals(uri.getScheme()) && loopback(uri.getHost())) {
            trustAll(b);
        }
        this.client = b.build();
    }

    /** The clear password of credential {@code name} in {@code realm}; an error names what went wrong and the fix. */
    char[] password(String realm, String name) {
        String entity = URLEncoder.encode(realm + ":" + name + ":", StandardCharsets.UTF_8).replace("+", "%20");
        HttpUrl url = HttpUrl.get(base + "/servicesNS/nobody/" + SplunkArguments.APP + "/storage/passwords/" + entity
                + "?output_mode=json");
        Request request = new Request.Builder().url(url).header("Authorization", "Splunk " + sessionKey).get().build();
        try (Response response = client.newCall(request).execute(); ResponseBody body = response.body()) {
            int code = response.code();
            if (code == 401 || code == 403) {
                throw new EstreamerException(Stage.CONFIG, "splunkd refused the session key (HTTP " + code
                        + ") when reading credential \"" + name + "\" from storage/passwords; the input must run"
                        + " under splunkd, which passes a valid session_key");
            }
            if (code == 404) {
                throw new EstreamerException(Stage.CONFIG, "no credential \"" + name + "\" in realm \"" + realm
                        + "\" in Splunk's secure storage; add it with the PKCS#12 password (see the add-on's README)"
                        + " or set pkcs12_password_name");
            }
            if (code / 100 != 2) {
                throw new EstreamerException(Stage.CONFIG, "splunkd answered HTTP " + code
                        + " when reading credential \"" + name + "\" from storage/passwords");
            }
            JsonNode password = JSON.readTree(body.byteStream()).path("entry").path(0).path("content").path("clear_password");
            if (!password.isTextual()) {
                throw new EstreamerException(Stage.CONFIG, "splunkd's answer for credential \"" + name
                        + "\" has no clear_password");
            }
            return password.asText().toCharArray();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EstreamerException(Stage.CONFIG, "unreadable answer from splunkd for credential \"" + name
                    + "\": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EstreamerException(Stage.CONFIG, "cannot reach splunkd at " + base + " to read credential \""
                    + name + "\" from storage/passwords: " + e, e);
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void trustAll(OkHttpClient.Builder b) {
        // extended, so JSSE does not wrap it with its own host name check
        X509ExtendedTrustManager any = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {any}, new SecureRandom());
            b.sslSocketFactory(tls.getSocketFactory(), any).hostnameVerifier((host, session) -> true);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
