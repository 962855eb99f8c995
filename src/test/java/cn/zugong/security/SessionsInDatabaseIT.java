package cn.zugong.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Sessions are rows of the session table (Spring Session JDBC, ADR 045) with today's rules: a sign-in over real
 * HTTP gets a new session id (fixation), the cookie keeps its name and is HttpOnly and SameSite=Lax, the idle
 * timeout is the configured one, and the signed-in principal reads back from the table.
 */
@IntegrationTest
class SessionsInDatabaseIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired SessionRepository<? extends Session> sessions;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
    }

    @Test
    void aSignInIsStoredInTheSessionTableWithTodaysRules() throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login")));
        String anonymous = cookie(form);
        assertThat(anonymous).contains("HttpOnly").contains("SameSite=Lax");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", anonymous.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("username=reviewer&password="
                        + URLEncoder.encode(IntegrationTest.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        String session = cookie(signedIn).split(";")[0];
        assertThat(session).isNotEqualTo(anonymous.split(";")[0]); // a new id at sign-in

        String id = new String(Base64.getDecoder().decode(session.substring("JSESSIONID=".length())), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id and principal_name = 'reviewer'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where session_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(30 * 60);

        // read back from the table, as another node does: the principal deserialises
        Session stored = sessions.findById(id);
        SecurityContext context = stored.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("reviewer");

        HttpResponse<String> home = send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", session));
        assertThat(home.statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void twoRequestsOfOneBrowserAddingTheSameAttributeBothSucceed() {
        // what two tabs do at the same moment: each request loads the session before the other saves it, and both
        // add the same attribute (the page to return to after sign-in); the second must not fail on a duplicate key
        SessionRepository repository = sessions;
        Session created = (Session) repository.createSession();
        repository.save(created);
        Session first = (Session) repository.findById(created.getId());
        Session second = (Session) repository.findById(created.getId());
        first.setAttribute("SPRING_SECURITY_SAVED_REQUEST", "/people");
        second.setAttribute("SPRING_SECURITY_SAVED_REQUEST", "/tickets");
        repository.save(first);
        repository.save(second);
        Session stored = (Session) repository.findById(created.getId());
        assertThat((String) stored.getAttribute("SPRING_SECURITY_SAVED_REQUEST")).isEqualTo("/tickets");
        repository.deleteById(created.getId());
    }
}
