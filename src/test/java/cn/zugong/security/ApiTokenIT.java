package cn.zugong.security;

import static cn.zugong.TestClients.from;
import static cn.zugong.TestClients.newClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.PasswordEncoderCalls;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * API tokens (ADR 048): issued for the account's password, used as {@code Authorization: Bearer}, scoped like the
 * account, refused after their lifetime, after revocation (one, all, a new password, a lock-out) and when forged or
 * altered; a call with a token checks no password.
 */
@IntegrationTest
class ApiTokenIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The token of a fresh issue by HTTP Basic from the given client. */
    private JsonNode issue(String username, String client) throws Exception {
        MvcResult result = mvc.perform(post("/api/tokens").with(httpBasic(username, IntegrationTest.PASSWORD))
                .with(from(client))).andReturn();
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        return json.readTree(body(result));
    }

    private static String token(JsonNode issued) {
        return issued.get("access_token").asText();
    }

    private MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token, String client) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(from(client));
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String account(Role role, String scopeCode) {
        String username = "token" + System.nanoTime() % 1_000_000_000L;
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "令牌测试", role,
                tree.byCode(scopeCode).orElseThrow().id()));
        return username;
    }

    private String revokedAt(String jti) {
        return jdbc.sql("select revoked_at from api_token where jti = :jti").param("jti", jti).query(String.class)
                .optional().orElse(null);
    }

    @Test
    void aTokenIsIssuedForThePasswordAndActsAsTheAccount() throws Exception {
        String client = newClient();
        JsonNode issued = issue("dinghai", client);
        assertThat(issued.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(issued.get("expires_in").asLong()).isEqualTo(15 * 60);
        assertThat(jdbc.sql("select count(*) from api_token where jti = :jti").param("jti", issued.get("jti").asText())
                .query(Long.class).single()).isOne();

        MvcResult withToken = mvc.perform(bearer(get("/api/org/root"), token(issued), client)).andReturn();
        MvcResult withPassword = mvc.perform(get("/api/org/root").with(TestUsers.api("dinghai")).with(from(client)))
                .andReturn();
        assertThat(withToken.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(withToken)).isEqualTo(body(withPassword));
        assertThat(json.readTree(body(withToken)).get("name").asText()).isEqualTo("定海区");

        // the claims: the account, its role and scope; nothing secret
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token(issued).split("\\.")[1]));
        assertThat(claims.get("sub").asText()).isEqualTo("dinghai");
        assertThat(claims.get("role").asText()).isEqualTo("ADMIN");
        assertThat(claims.get("scope_node_id").asLong()).isEqualTo(tree.byCode("330902").orElseThrow().id());
        assertThat(claims.get("scope_path").asText()).isEqualTo(tree.byCode("330902").orElseThrow().path());
        assertThat(claims.get("jti").asText()).isEqualTo(issued.get("jti").asText());
        assertThat(claims.toString()).doesNotContain("password", "$2a$", "{bcrypt}");
    }

    @Test
    void formFieldsGetATokenToo() throws Exception {
        String client = newClient();
        MvcResult result = mvc.perform(post("/api/tokens").param("username", "leader")
                .param("password", IntegrationTest.PASSWORD).with(from(client))).andReturn();
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        String token = json.readTree(body(result)).get("access_token").asText();
        assertThat(status(bearer(get("/api/org/root"), token, client))).isEqualTo(200);

        MvcResult wrong = mvc.perform(post("/api/tokens").param("username", "leader").param("password", "Wrong#pass1")
                .with(from(newClient()))).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(wrong)).contains("未登录或用户名密码错误").doesNotContain("access_token");
        assertThat(status(post("/api/tokens").with(from(newClient())))).as("neither Basic nor fields").isEqualTo(401);
        MvcResult inTheAddress = mvc.perform(post("/api/tokens?username=leader&password=" + IntegrationTest.PASSWORD)
                .with(from(newClient()))).andReturn();
        assertThat(inTheAddress.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(inTheAddress)).contains("密码不能放在网址中").doesNotContain("access_token");
    }

    @Test
    void aTokenDoesNotBuyAnotherToken() throws Exception {
        String client = newClient();
        String token = token(issue("leader", client));
        MvcResult refused = mvc.perform(bearer(post("/api/tokens"), token, client)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(refused)).doesNotContain("access_token");
    }

    @Test
    void aTokenExpiresAfterItsLifetime() throws Exception {
        String client = newClient();
        String token = token(issue("leader", client));
        clock.advance(Duration.ofMinutes(14));
        assertThat(status(bearer(get("/api/org/root"), token, client))).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        MvcResult expired = mvc.perform(bearer(get("/api/org/root"), token, client)).andReturn();
        assertThat(expired.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(expired)).contains("令牌已过期");
        assertThat(expired.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void aRevokedTokenIsRefusedAndOnlyItsOwnerRevokesIt() throws Exception {
        String client = newClient();
        JsonNode first = issue("reviewer", client);
        JsonNode second = issue("reviewer", client);
        String jti = first.get("jti").asText();
        JsonNode others = issue("leader", newClient());

        // another account's token: 404 like one that never was, and it stays good
        assertThat(status(bearer(delete("/api/tokens/" + others.get("jti").asText()), token(first), client)))
                .isEqualTo(404);
        assertThat(revokedAt(others.get("jti").asText())).isNull();
        assertThat(status(delete("/api/tokens/" + others.get("jti").asText()).with(TestUsers.api("reviewer"))
                .with(from(client)))).isEqualTo(404);

        long marker = AuditLog.last(jdbc);
        assertThat(status(bearer(delete("/api/tokens/" + jti), token(second), client))).isEqualTo(204);
        assertThat(revokedAt(jti)).isNotNull();
        assertThat(status(bearer(get("/api/org/root"), token(first), client))).isEqualTo(401);
        assertThat(status(bearer(get("/api/org/root"), token(second), client))).isEqualTo(200);
        assertThat(status(bearer(get("/api/org/root"), token(others), client))).isEqualTo(200);
        assertThat(AuditLog.since(jdbc, marker)).anyMatch(e -> e.action().equals("TOKEN_REVOKE")
                && jti.equals(e.objectId()) && "reviewer".equals(e.actor()));
        assertThat(status(bearer(delete("/api/tokens/" + jti), token(second), client))).as("again").isEqualTo(204);
    }

    @Test
    void revokeAllAndANewPasswordEndEveryTokenOfTheAccount() throws Exception {
        String username = account(Role.LEADER, "3309");
        String client = newClient();
        JsonNode a = issue(username, client);
        JsonNode b = issue(username, client);
        MvcResult all = mvc.perform(bearer(post("/api/tokens/revoke-all"), token(a), client)).andReturn();
        assertThat(all.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(body(all)).get("revoked").asInt()).isEqualTo(2);
        for (JsonNode t : new JsonNode[] {a, b}) {
            assertThat(status(bearer(get("/api/org/root"), token(t), client))).isEqualTo(401);
            assertThat(revokedAt(t.get("jti").asText())).isNotNull();
        }

        clock.advance(Duration.ofSeconds(2)); // the password change comes later than the next token
        JsonNode c = issue(username, client);
        assertThat(status(bearer(get("/api/org/root"), token(c), client))).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        String next = "Neu#Passwort2026";
        MvcResult changed = mvc.perform(post("/account/password").param("current", IntegrationTest.PASSWORD)
                .param("next", next).param("confirmation", next).with(users.page(username)).with(csrf())
                .with(from(client))).andReturn();
        assertThat(changed.getResponse().getStatus()).as(body(changed)).isBetween(200, 399);
        assertThat(status(bearer(get("/api/org/root"), token(c), client))).isEqualTo(401);
        assertThat(revokedAt(c.get("jti").asText())).isNotNull();
        // a token issued with the new password is good
        MvcResult fresh = mvc.perform(post("/api/tokens").with(httpBasic(username, next)).with(from(client)))
                .andReturn();
        assertThat(fresh.getResponse().getStatus()).isEqualTo(200);
        assertThat(status(bearer(get("/api/org/root"), json.readTree(body(fresh)).get("access_token").asText(),
                client))).isEqualTo(200);
    }

    @Test
    void aLockOutEndsTheAccountsTokens() throws Exception {
        String username = account(Role.LEADER, "3309");
        String client = newClient();
        String token = token(issue(username, client));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/tokens").param("username", username).param("password", "Wrong#pass" + i)
                    .with(from(client)));
        }
        assertThat(jdbc.sql("select locked_until from account where username = :u").param("u", username)
                .query(String.class).single()).as("five wrong passwords at the token door lock the account").isNotNull();
        assertThat(status(post("/api/tokens").param("username", username).param("password", IntegrationTest.PASSWORD)
                .with(from(newClient())))).isEqualTo(401);
        assertThat(status(bearer(get("/api/org/root"), token, client))).isEqualTo(401);
    }

    @Test
    void theThrottleGuardsTheTokenDoor() throws Exception {
        String sprayer = newClient();
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/tokens").param("username", "nobody" + i).param("password", "Guess#password1")
                    .with(from(sprayer)));
        }
        assertThat(status(post("/api/tokens").param("username", "leader").param("password", IntegrationTest.PASSWORD)
                .with(from(sprayer)))).isEqualTo(429);
        assertThat(status(post("/api/tokens").with(httpBasic("leader", IntegrationTest.PASSWORD)).with(from(sprayer))))
                .isEqualTo(429);
    }

    @Test
    void aDinghaiTokenIsRefusedOnPutuoRecordsLikeTheAccount() throws Exception {
        long putuo = tree.byCode("330903").orElseThrow().id();
        long putuoPerson = jdbc.sql("""
                select p.id from person p join org_node u on u.id = p.unit_id
                where u.path like '/33/3309/330903/%' order by p.id limit 1""").query(Long.class).single();
        long dinghaiPerson = jdbc.sql("""
                select p.id from person p join org_node u on u.id = p.unit_id
                where u.path like '/33/3309/330902/%' order by p.id limit 1""").query(Long.class).single();
        String client = newClient();
        String token = token(issue("dinghai", client));
        for (String url : new String[] {"/api/org/nodes/" + putuo, "/api/people/" + putuoPerson,
                "/api/people?nodeId=" + putuo}) {
            int byPassword = status(get(url).with(TestUsers.api("dinghai")).with(from(client)));
            MvcResult byToken = mvc.perform(bearer(get(url), token, client)).andReturn();
            assertThat(byToken.getResponse().getStatus()).as(url).isEqualTo(byPassword).isEqualTo(404);
            assertThat(body(byToken)).as(url).doesNotContain("普陀");
        }
        assertThat(status(bearer(get("/api/people/" + dinghaiPerson), token, client))).isEqualTo(200);
        // the role too: a 服务干部's token does not open the roster
        String cadre = token(issue("cadre", client));
        assertThat(status(bearer(get("/api/people/" + dinghaiPerson), cadre, client))).isEqualTo(403);
    }

    @Test
    void forgedAndAlteredTokensAreRefused() throws Exception {
        String client = newClient();
        String token = token(issue("dinghai", client));
        String[] parts = token.split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();

        // the payload widened to the whole city, the signature kept
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("scope_node_id", tree.byCode("3309").orElseThrow().id());
        claims.put("scope_path", tree.byCode("3309").orElseThrow().path());
        String widened = parts[0] + "." + url.encodeToString(json.writeValueAsBytes(claims)) + "." + parts[2];
        // signed with a key of the forger's own
        String header = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(json.writeValueAsBytes(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a forger's own key of 32 bytes!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String otherKey = header + "." + payload + "."
                + url.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        // no signature at all
        String none = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        for (String forged : new String[] {widened, otherKey, none, flipped, "not-a-token", parts[0] + "." + parts[1]}) {
            MvcResult refused = mvc.perform(bearer(get("/api/org/root"), forged, client)).andReturn();
            assertThat(refused.getResponse().getStatus()).as(forged).isEqualTo(401);
            assertThat(body(refused)).as(forged).contains("令牌无效");
        }
        assertThat(status(bearer(get("/api/org/root"), token, client))).isEqualTo(200);
    }

    @Test
    void callsWithATokenCheckNoPassword() throws Exception {
        String client = newClient();
        long beforeIssue = PasswordEncoderCalls.matches();
        String token = token(issue("leader", client));
        long afterIssue = PasswordEncoderCalls.matches();
        assertThat(afterIssue - beforeIssue).as("the issue checks the password once").isOne();
        for (int i = 0; i < 50; i++) {
            assertThat(status(bearer(get("/api/org/root"), token, client))).isEqualTo(200);
        }
        assertThat(PasswordEncoderCalls.matches() - afterIssue).as("50 calls with the token").isZero();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/org/root").with(TestUsers.api("leader")).with(from(client)));
        }
        assertThat(PasswordEncoderCalls.matches() - afterIssue).as("while HTTP Basic checks it every call")
                .isEqualTo(3);
    }
}
