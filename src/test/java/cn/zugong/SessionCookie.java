package cn.zugong;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser's session in MockMvc. Sessions live in the session table (Spring Session JDBC), not in the mock
 * request, so a test carries the session cookie a login answered with, as a browser does, and asks the session
 * table whether the session still exists.
 */
public final class SessionCookie implements RequestPostProcessor {

    public static final String NAME = "JSESSIONID";

    private final Cookie cookie;
    private final SessionRepository<?> sessions;

    private SessionCookie(Cookie cookie, SessionRepository<?> sessions) {
        this.cookie = cookie;
        this.sessions = sessions;
    }

    /** The session a response started (its Set-Cookie). */
    public static SessionCookie of(MvcResult result, SessionRepository<?> sessions) {
        Cookie cookie = result.getResponse().getCookie(NAME);
        if (cookie == null) {
            throw new IllegalStateException("the response set no session cookie");
        }
        return new SessionCookie(cookie, sessions);
    }

    /** The session's id (the cookie holds it Base64-encoded). */
    public String id() {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    /** True once the session is gone from the session table (signed out, expired or ended). */
    public boolean isInvalid() {
        return sessions.findById(id()) == null;
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        List<Cookie> cookies = new ArrayList<>(request.getCookies() == null ? List.of() : Arrays.asList(request.getCookies()));
        cookies.add(cookie);
        request.setCookies(cookies.toArray(Cookie[]::new));
        return request;
    }
}
