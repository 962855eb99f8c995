package cn.zugong.security.attack;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.shared.Role;
import java.util.List;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who attacks: nobody signed in, and one demo account per role; {@code scoped} callers cover less than the
 * whole city, so the 普陀区 probe lies outside what they may see.
 */
record Caller(String username, Role role, boolean scoped) {

    static final Caller ANONYMOUS = new Caller(null, null, true);

    static List<Caller> all() {
        return List.of(ANONYMOUS,
                new Caller("admin", Role.ADMIN, false),
                new Caller("dinghai", Role.ADMIN, true),
                new Caller("leader", Role.LEADER, false),
                new Caller("reviewer", Role.REVIEWER, false),
                new Caller("reporter", Role.REPORTER, true),
                new Caller("cadre", Role.CADRE, true),
                new Caller("talent", Role.TALENT, true),
                new Caller("dangyuan", Role.PARTY_MEMBER, true),
                new Caller("jiandu", Role.CADRE_SUPERVISOR, false),
                new Caller("referee", Role.TALENT_REFEREE, true),
                new Caller("sysadmin", Role.SYS_ADMIN, true),
                new Caller("secadmin", Role.SEC_ADMIN, true),
                new Caller("auditor", Role.AUDITOR, true));
    }

    boolean anonymous() {
        return username == null;
    }

    /** Pages: a signed-in session principal; API: HTTP Basic, as real clients do. */
    RequestPostProcessor signIn(TestUsers users, boolean api) {
        if (anonymous()) {
            return request -> request;
        }
        return api ? SecurityMockMvcRequestPostProcessors.httpBasic(username, IntegrationTest.PASSWORD)
                : users.page(username);
    }

    @Override
    public String toString() {
        return anonymous() ? "anonymous" : username + "(" + role + ")";
    }
}
