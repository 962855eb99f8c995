package cn.zugong;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs requests in as a demo account: a session principal for pages, HTTP Basic for /api. Imported by
 * {@link IntegrationTest}, not a component: module tests, which have no accounts, must not pick it up.
 */
public class TestUsers {

    private final UserDetailsService users;

    TestUsers(UserDetailsService users) {
        this.users = users;
    }

    public RequestPostProcessor page(String username) {
        return user(users.loadUserByUsername(username));
    }

    public static RequestPostProcessor api(String username) {
        return httpBasic(username, IntegrationTest.PASSWORD);
    }
}
