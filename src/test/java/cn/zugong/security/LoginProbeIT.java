package cn.zugong.security;

import static cn.zugong.TestClients.from;
import static cn.zugong.TestClients.newClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.Role;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the outside probe of issue 12 found at the door: the throttle bypassed by odd spellings of the
 * Authorization header (hole 6), the lock-out message telling which accounts exist, {@code GET /error}
 * answering 500 and a forged Host header echoed in redirects. The last two go through the real server.
 */
@IntegrationTest
class LoginProbeIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String b64(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Spellings Spring's BasicAuthenticationConverter used to accept as credentials, and other schemes. */
    static List<String> oddSpellings(String user, String password) {
        String token = b64(user, password);
        return List.of("Basic\t" + token, "Basic:" + token, "basic " + token, "BASIC " + token,
                "Basic  " + token, "Basic", "Basic ", " Basic " + token, "Basicx" + token, "Bearer " + token,
                "Digest " + token);
    }

    private MvcResult api(String authorization, String client) throws Exception {
        return mvc.perform(get("/api/org/root").header(HttpHeaders.AUTHORIZATION, authorization).with(from(client)))
                .andReturn();
    }

    private String account(Role role) {
        String username = "probe" + System.nanoTime() % 1_000_000_000L;
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "探测测试", role,
                tree.byCode("330902").orElseThrow().id()));
        return username;
    }

    // --- hole 6: the throttle cannot be bypassed by the spelling of the header

    @Test
    void aThrottledClientIsRefusedWhateverTheAuthorizationHeaderLooksLike() throws Exception {
        String sprayer = newClient();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/org/root").with(httpBasic("nobody" + i, "Guess#password1")).with(from(sprayer)));
        }
        assertThat(api("Basic " + b64("leader", IntegrationTest.PASSWORD), sprayer).getResponse().getStatus())
                .isEqualTo(429);
        for (String spelling : oddSpellings("leader", IntegrationTest.PASSWORD)) {
            assertThat(api(spelling, sprayer).getResponse().getStatus()).as(spelling).isEqualTo(429);
        }
    }

    @Test
    void malformedBasicHeadersAreRefusedBeforeAuthentication() throws Exception {
        for (String spelling : List.of("Basic\t", "Basic:", "Basic  ", "Basicx", " Basic ")) {
            MvcResult refused = api(spelling + b64("leader", IntegrationTest.PASSWORD), newClient());
            assertThat(refused.getResponse().getStatus()).as(spelling).isEqualTo(401);
            assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(spelling)
                    .contains("认证信息格式不正确");
        }
        for (String bad : List.of("Basic", "Basic ", "Basic !!!!", "Basic " + b64("leader", "x") + "==",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(api(bad, newClient()).getResponse().getStatus()).as(bad).isEqualTo(401);
        }
        // the scheme's name is case-insensitive (RFC 9110 §11.1); one space, then the token
        assertThat(api("basic " + b64("leader", IntegrationTest.PASSWORD), newClient()).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(api("Basic " + b64("leader", IntegrationTest.PASSWORD), newClient()).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void malformedHeadersCountAsFailuresOfTheClient() throws Exception {
        String prober = newClient();
        for (int i = 0; i < 20; i++) {
            api("Basic:" + b64("leader", "Guess#" + i), prober);
        }
        assertThat(api("Basic " + b64("leader", IntegrationTest.PASSWORD), prober).getResponse().getStatus())
                .isEqualTo(429);
    }

    // --- the lock-out message does not tell which accounts exist

    @Test
    void aLockedAccountAndAnUnknownOneAnswerTheSame() throws Exception {
        String real = account(Role.LEADER);
        String ghost = "ghost" + System.nanoTime() % 1_000_000L;
        String client = newClient();
        for (int i = 0; i < 5; i++) {
            for (String name : List.of(real, ghost)) {
                mvc.perform(get("/api/org/root").with(httpBasic(name, "Wrong#password1")).with(from(client)));
            }
        }
        MvcResult locked = mvc.perform(get("/api/org/root").with(httpBasic(real, IntegrationTest.PASSWORD))
                .with(from(client))).andReturn();
        MvcResult unknown = mvc.perform(get("/api/org/root").with(httpBasic(ghost, IntegrationTest.PASSWORD))
                .with(from(client))).andReturn();
        assertThat(locked.getResponse().getStatus()).isEqualTo(401).isEqualTo(unknown.getResponse().getStatus());
        assertThat(locked.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(unknown.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("锁定");

        String lockedForm = mvc.perform(post("/login").param("username", real).param("password",
                IntegrationTest.PASSWORD).with(csrf()).with(from(client))).andReturn().getResponse().getRedirectedUrl();
        String unknownForm = mvc.perform(post("/login").param("username", ghost).param("password",
                IntegrationTest.PASSWORD).with(csrf()).with(from(client))).andReturn().getResponse().getRedirectedUrl();
        assertThat(lockedForm).isEqualTo(unknownForm).isEqualTo("/login?error");
        assertThat(mvc.perform(get("/login?error")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("用户名或密码错误", "锁定 15 分钟");

        clock.advance(Duration.ofMinutes(16));
        assertThat(mvc.perform(get("/api/org/root").with(httpBasic(real, IntegrationTest.PASSWORD))
                .with(from(newClient()))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    // --- GET /error

    @Test
    void theErrorRouteAskedForDirectlyIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/error")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/error").with(users.page("leader"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/error")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).doesNotContain("Exception", "trace");
    }

    // --- a forged Host header is not echoed (Tomcat builds redirects; MockMvc does not)

    /** One raw HTTP/1.1 exchange: java.net.http refuses to set Host. Returns the head and body as text. */
    private String raw(String method, String path, String host, String cookie, String body) throws Exception {
        // from an address of its own on the loopback net, so other tests' failed logins do not throttle it
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, CLIENT, 0)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n");
            if (cookie != null) {
                request.append("Cookie: ").append(cookie).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static final InetAddress CLIENT = loopback();

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.99." + (2 + new java.util.Random().nextInt(250)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(String response, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.*?)\\r?$").matcher(response);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aForgedHostIsNotEchoedInTheRedirects() throws Exception {
        String entry = raw("GET", "/people", "evil.example", null, null);
        assertThat(entry).startsWith("HTTP/1.1 302");
        assertThat(header(entry, "Location")).isEqualTo("/login");
        String session = header(entry, "Set-Cookie").split(";")[0];

        String form = raw("GET", "/login", "evil.example", session, null);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        String signedIn = raw("POST", "/login", "evil.example", session, "username=leader&password="
                + java.net.URLEncoder.encode(IntegrationTest.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + token.group(1));
        assertThat(signedIn).startsWith("HTTP/1.1 302");
        assertThat(header(signedIn, "Location")).as("back to the saved request").isEqualTo("/people?continue");
        String newSession = header(signedIn, "Set-Cookie").split(";")[0];

        String logoutForm = raw("GET", "/", "evil.example", newSession, null);
        Matcher logoutToken = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(logoutForm);
        assertThat(logoutToken.find()).isTrue();
        String loggedOut = raw("POST", "/logout", "evil.example", newSession, "_csrf=" + logoutToken.group(1));
        assertThat(header(loggedOut, "Location")).isEqualTo("/login?logout");
        assertThat(entry + signedIn + loggedOut).doesNotContain("evil.example");
    }
}
