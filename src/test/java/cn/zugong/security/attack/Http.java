package cn.zugong.security.attack;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One request as the suite sends it, and two ways to send it: through MockMvc, and to the real server (embedded
 * Tomcat on the random port, java.net.http: real headers, a session cookie from the login form and the page's
 * CSRF token for form posts, HTTP Basic for /api).
 */
final class Http {

    record Part(String name, String fileName, byte[] bytes) {
    }

    record Request(HttpMethod method, String path, Map<String, String> params, List<Part> files, String json,
                   Caller caller, boolean api) {
    }

    record Answer(int status, String body, String location) {
        boolean redirectsToLogin() {
            return status == 302 && location != null && (location.endsWith("/login") || location.contains("/login?"));
        }
    }

    interface Transport {
        Answer send(Request request) throws Exception;

        String name();

        int count();
    }

    /** Through MockMvc: a signed-in principal (with a CSRF token on page writes). */
    static final class Mock implements Transport {
        private final MockMvc mvc;
        private final TestUsers users;
        private final AtomicInteger count = new AtomicInteger();

        Mock(MockMvc mvc, TestUsers users) {
            this.mvc = mvc;
            this.users = users;
        }

        @Override
        public Answer send(Request r) throws Exception {
            URI uri = URI.create(r.path());
            MockHttpServletRequestBuilder builder;
            if (!r.files().isEmpty()) {
                var multipart = MockMvcRequestBuilders.multipart(r.method(), uri);
                r.files().forEach(f -> multipart.file(new MockMultipartFile(f.name(), f.fileName(),
                        "application/octet-stream", f.bytes())));
                builder = multipart;
            } else {
                builder = MockMvcRequestBuilders.request(r.method(), uri);
            }
            r.params().forEach(builder::param);
            if (r.json() != null) {
                builder.contentType(MediaType.APPLICATION_JSON).content(r.json());
            }
            // a session principal for pages and API alike: HTTP Basic (a BCrypt check per request) is what the
            // real server pass sends
            builder.with(r.caller().signIn(users, false));
            if (!r.api() && r.method() != HttpMethod.GET) {
                builder.with(csrf());
            }
            count.incrementAndGet();
            MvcResult result = mvc.perform(builder).andReturn();
            return new Answer(result.getResponse().getStatus(),
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    result.getResponse().getRedirectedUrl() != null ? result.getResponse().getRedirectedUrl()
                            : result.getResponse().getHeader("Location"));
        }

        @Override
        public String name() {
            return "MockMvc";
        }

        @Override
        public int count() {
            return count.get();
        }
    }

    /** To the real server: each caller signs in once through the login form and keeps its session cookie. */
    static final class Real implements Transport {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:value|content)=\"([^\"]+)\"");
        private final String base;
        private final Map<String, Session> sessions = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger count = new AtomicInteger();

        record Session(HttpClient client, String csrf) {
        }

        Real(int port) {
            this.base = "http://localhost:" + port;
        }

        /**
         * Signs every caller in now: a first sign-in writes to the account row (failed attempts reset, last login),
         * which must not fall inside a write's before/after database snapshots.
         */
        Real signedIn(List<Caller> callers) throws IOException, InterruptedException {
            for (Caller caller : callers) {
                if (!caller.anonymous()) {
                    session(caller);
                }
            }
            return this;
        }

        @Override
        public String name() {
            return "real server";
        }

        @Override
        public int count() {
            return count.get();
        }

        @Override
        public Answer send(Request r) throws Exception {
            String query = r.params().isEmpty() ? "" : form(r.params());
            boolean body = r.method() != HttpMethod.GET;
            HttpClient client;
            String csrf = null;
            if (r.api()) {
                client = anonymous();
            } else if (r.caller().anonymous()) {
                // a visitor's browser: the login page's session and CSRF token, so a form post meets the sign-in
                Session session = visitor();
                client = session.client();
                csrf = session.csrf();
            } else {
                Session session = session(r.caller());
                client = session.client();
                csrf = session.csrf();
            }
            String path = r.path() + (!body && !query.isEmpty() ? (r.path().contains("?") ? "&" : "?") + query : "");
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (r.api() && !r.caller().anonymous()) {
                builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (r.caller().username() + ":" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            if (!body) {
                builder.GET();
            } else if (r.json() != null) {
                builder.header("Content-Type", "application/json").method(r.method().name(),
                        HttpRequest.BodyPublishers.ofString(r.json()));
            } else if (!r.files().isEmpty()) {
                String boundary = "----attack" + System.nanoTime();
                Map<String, String> fields = new HashMap<>(r.params());
                if (csrf != null) {
                    fields.put("_csrf", csrf);
                }
                builder.header("Content-Type", "multipart/form-data; boundary=" + boundary).method(r.method().name(),
                        HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, r.files())));
            } else {
                Map<String, String> fields = new HashMap<>(r.params());
                if (csrf != null) {
                    fields.put("_csrf", csrf);
                }
                builder.header("Content-Type", "application/x-www-form-urlencoded").method(r.method().name(),
                        HttpRequest.BodyPublishers.ofString(form(fields)));
            }
            count.incrementAndGet();
            HttpResponse<String> response = client.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        }

        private HttpClient anonymous() {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        }

        private synchronized Session visitor() throws IOException, InterruptedException {
            Session known = sessions.get("");
            if (known == null) {
                HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).build();
                String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                known = new Session(client, token(loginPage));
                sessions.put("", known);
            }
            return known;
        }

        private synchronized Session session(Caller caller) throws IOException, InterruptedException {
            Session known = sessions.get(caller.username());
            if (known != null) {
                return known;
            }
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", caller.username(),
                            "password", IntegrationTest.PASSWORD, "_csrf", token(loginPage)))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login of " + caller + " failed: " + login.statusCode() + " "
                        + login.headers().firstValue("Location").orElse(""));
            }
            HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!CSRF.matcher(home.body()).find()) {
                throw new IllegalStateException("no CSRF token on the home page of " + caller + ": " + home.statusCode()
                        + " " + home.headers().firstValue("Location").orElse("") + " "
                        + home.body().substring(0, Math.min(300, home.body().length())));
            }
            Session session = new Session(client, token(home.body()));
            sessions.put(caller.username(), session);
            return session;
        }

        private static String token(String page) {
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the page");
            }
            return m.group(1);
        }

        static String form(Map<String, String> fields) {
            return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        private static byte[] multipart(String boundary, Map<String, String> fields, List<Part> files) throws IOException {
            var out = new ByteArrayOutputStream();
            for (var f : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Part p : files) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"; filename=\""
                        + p.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(p.bytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
