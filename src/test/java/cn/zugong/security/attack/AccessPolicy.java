package cn.zugong.security.attack;

import cn.zugong.shared.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call which route, written by hand from the README (the spec), independently of the security
 * configuration, so that the suite checks the code rather than repeats it. Two levels:
 * <ul>
 * <li><b>module</b>: who reaches a route prefix at all; everybody else gets 403 from the filter chain (302 to the
 * login page or 401 when signed out). Every mapped route must fall under a prefix.</li>
 * <li><b>route</b>: who may do what a route does, per method and pattern and, for the closure workflows'
 * {@code {action}} routes, per action. Every write (and every {action} value) must be listed; a GET not listed
 * is open to the module's roles. Refused here means: a 4xx (a page may also redirect back with its Chinese
 * reason) and the database unchanged.</li>
 * </ul>
 * A role allowed here may still be refused by scope: an object outside the caller's scope answers 404.
 */
final class AccessPolicy {

    /** Who may call a route: nobody signed in, anyone signed in, or the given roles. */
    record Access(boolean anonymous, Set<Role> roles) {
        boolean allows(Role role) {
            return anonymous || roles.contains(role);
        }
    }

    static final Access PUBLIC = new Access(true, EnumSet.allOf(Role.class));
    static final Access SIGNED_IN = new Access(false, EnumSet.allOf(Role.class));
    /** The service cadres' pages: the office and the cadres, never the talent side (ADR 055). */
    static final Access BUSINESS = new Access(false, EnumSet.copyOf(java.util.stream.Stream.concat(
            Role.office().stream(), java.util.stream.Stream.of(Role.CADRE)).toList()));
    /** The office's modules: every business role except the service cadres (服务干部). */
    static final Access OFFICE = new Access(false, EnumSet.copyOf(Role.office()));

    /** 干部工作: the office and 干部监督 (ADR 074). */
    static final Access CADRE_WORK = new Access(false, EnumSet.copyOf(java.util.stream.Stream.concat(
            Role.office().stream(), java.util.stream.Stream.of(Role.CADRE_SUPERVISOR)).toList()));

    private static final Map<String, Access> MODULES = new LinkedHashMap<>();
    private static final Map<String, Set<Role>> ROUTES = new LinkedHashMap<>();
    private static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();

    private static final Role ADMIN = Role.ADMIN;
    private static final Role REVIEWER = Role.REVIEWER;
    private static final Role REPORTER = Role.REPORTER;
    private static final Role LEADER = Role.LEADER;
    private static final Role CADRE = Role.CADRE;

    static {
        MODULES.put("/login", PUBLIC);
        MODULES.put("/error", PUBLIC);
        MODULES.put("/", SIGNED_IN); // exact: the home page
        MODULES.put("/account/password", SIGNED_IN);
        MODULES.put("/admin/accounts", only(Role.SYS_ADMIN));
        MODULES.put("/admin/grants", only(Role.SEC_ADMIN));
        MODULES.put("/audit", only(Role.AUDITOR));
        // 三员密码重置 (branch officers, ADR 033): two officers together reset a guarded account's password
        MODULES.put("/officers/resets", new Access(false, EnumSet.of(Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDITOR)));
        MODULES.put("/api/audit", only(Role.AUDITOR));
        // API tokens (ADR 048): every account gets its own and revokes its own; no officer reaches another's
        MODULES.put("/api/tokens", SIGNED_IN);
        MODULES.put("/org", OFFICE);
        MODULES.put("/api/org", OFFICE);
        MODULES.put("/people", OFFICE);
        MODULES.put("/api/people", OFFICE);
        MODULES.put("/party-members", OFFICE);
        MODULES.put("/api/party-members", OFFICE);
        MODULES.put("/healthcheck", OFFICE);
        MODULES.put("/api/healthcheck", OFFICE);
        MODULES.put("/lighting", OFFICE);
        MODULES.put("/api/lighting", OFFICE);
        MODULES.put("/service", BUSINESS);
        MODULES.put("/api/service", BUSINESS);
        MODULES.put("/tickets", BUSINESS);
        MODULES.put("/api/tickets", BUSINESS);
        MODULES.put("/deliberation", OFFICE);
        MODULES.put("/api/deliberation", OFFICE);
        // 人才 (ADR 055): the office's pages; the talent's own, the 举荐委员's, and the public verify page
        MODULES.put("/talent", OFFICE);
        MODULES.put("/api/talent", OFFICE);
        MODULES.put("/talent/my", only(Role.TALENT));
        MODULES.put("/api/talent/my", only(Role.TALENT));
        MODULES.put("/talent/referee", only(Role.TALENT_REFEREE));
        MODULES.put("/api/talent/referee", only(Role.TALENT_REFEREE));
        MODULES.put("/talent/verify", PUBLIC);
        MODULES.put("/api/talent/verify", PUBLIC);
        // 星级评定 and 双述双评双比 (ADR 062): the office's pages; the raters' phone voting page is public (one-time code)
        MODULES.put("/ratings", OFFICE);
        MODULES.put("/api/ratings", OFFICE);
        MODULES.put("/ratings/vote", PUBLIC);
        MODULES.put("/api/ratings/vote", PUBLIC);
        // 党员报到 / 流动党员 and 共同富裕 (ADR 068): the office's pages; a party member's own pages under /party/my
        MODULES.put("/party", OFFICE);
        MODULES.put("/api/party", OFFICE);
        MODULES.put("/party/my", only(Role.PARTY_MEMBER));
        MODULES.put("/api/party/my", only(Role.PARTY_MEMBER));
        MODULES.put("/prosperity", OFFICE);
        MODULES.put("/api/prosperity", OFFICE);
        // 干部工作 (ADR 074): the office and 干部监督, who reaches nothing else
        MODULES.put("/cadres", CADRE_WORK);
        MODULES.put("/api/cadres", CADRE_WORK);
        // 这一年 (ADR 081)
        MODULES.put("/annual", OFFICE);
        MODULES.put("/api/annual", OFFICE);
        MODULES.put("/api-docs", OFFICE);
        MODULES.put("/swagger-ui", OFFICE);
        // the planted defects (test sources only): what those routes are meant to allow
        MODULES.put("/attack-planted", OFFICE);
        MODULES.put("/api/attack-planted", OFFICE);
        post("/attack-planted/units/{id}/rename", ADMIN);
        post("/attack-planted/import", ADMIN, REPORTER);

        // security: every signed-in user changes the own password; the officers their own pages only
        post("/account/password", Role.values());
        post("/admin/accounts", Role.SYS_ADMIN);
        for (String step : List.of("enable", "disable", "unlock", "reset-password")) {
            post("/admin/accounts/{id}/" + step, Role.SYS_ADMIN);
        }
        post("/admin/grants/{id}", Role.SEC_ADMIN);
        post("/admin/grants/{id}/revoke", Role.SEC_ADMIN);
        post("/officers/resets", Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDITOR);
        post("/officers/resets/{id}/confirm", Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDITOR);
        post("/api/tokens", Role.values());
        post("/api/tokens/revoke-all", Role.values());
        delete("/api/tokens/{jti}", Role.values()); // the caller's own token only: another's answers 404

        // roster: admins and unit reporters maintain it, only admins unmask; leaders and reviewers read
        get("/people/import", ADMIN, REPORTER);
        post("/people/import", ADMIN, REPORTER);
        post("/api/people/import", ADMIN, REPORTER);
        post("/people/{id}/unmask", ADMIN);
        post("/api/people/{id}/unmask", ADMIN);

        // 双述双评双比 (rating evaluation part, ADR 066): ADMIN writes (the campaign's node, the village, the township's
        // 评价, the county's decisions — narrowed further by the node's kind); the raters' phone page is public
        post("/ratings/evaluation", ADMIN);
        for (String step : List.of("open", "close", "publish", "subjects", "raters", "raters/party-members", "codes",
                "township", "adjustments/refresh", "import")) {
            post("/ratings/evaluation/{id}/" + step, ADMIN);
        }
        get("/ratings/evaluation/{id}/import", ADMIN);
        for (String step : List.of("report", "delete", "decision")) {
            post("/ratings/evaluation/subjects/{id}/" + step, ADMIN);
        }
        post("/ratings/evaluation/reserve", ADMIN);
        post("/api/ratings/evaluation/campaigns", ADMIN);
        post("/api/ratings/evaluation/subjects/{id}/decision", ADMIN);
        for (String step : List.of("", "/confirm", "/cast")) {
            post("/ratings/vote" + step, Role.values());
        }

        // 人才库 and 用人单位: the 组织部管理员 (人才办) writes, unmasks and opens talent accounts; the others read
        get("/talent/registry/new", ADMIN);
        post("/talent/registry", ADMIN);
        get("/talent/registry/{id}/edit", ADMIN);
        post("/talent/registry/{id}", ADMIN);
        post("/talent/registry/{id}/unmask", ADMIN);
        post("/talent/registry/{id}/account", ADMIN);
        get("/talent/registry/import", ADMIN);
        post("/talent/registry/import", ADMIN);
        get("/talent/employers/new", ADMIN);
        post("/talent/employers", ADMIN);
        post("/talent/employers/{id}", ADMIN);
        // 自贸企业目录: the city's ADMIN imports figures, computes, cuts off, publishes and reopens (a district ADMIN
        // is refused by scope: the directory is the city's)
        get("/talent/directory/figures", ADMIN);
        for (String step : List.of("figures", "compute", "cutoff", "publish", "reopen")) {
            post("/talent/directory/" + step, ADMIN);
        }

        // 数字体检: an administrator runs an evaluation; the unit's reporter or an admin rechecks; reports are reads
        post("/healthcheck/evaluations", ADMIN);
        post("/api/healthcheck/evaluations", ADMIN);
        post("/healthcheck/nodes/{id}/recheck", ADMIN, REPORTER);
        post("/healthcheck/nodes/{id}/reports", ADMIN, REVIEWER, REPORTER, LEADER);
        // 预警规则: platform administrators only (the module is ADMIN-only)
        post("/healthcheck/rules/{code}", ADMIN);
        get("/healthcheck/rules", ADMIN);
        get("/healthcheck/rules/{code}", ADMIN);
        // 整改销号: admins generate; the closure workflow per action (README "Who does what")
        post("/healthcheck/rectifications", ADMIN);
        post("/healthcheck/rectifications/select", ADMIN);
        post("/healthcheck/rectifications/{id}/attachments", ADMIN, REPORTER);
        String rectification = "POST /healthcheck/rectifications/{id}/{action}";
        action(rectification, "assign", ADMIN);
        action(rectification, "transfer", ADMIN);
        action(rectification, "start", ADMIN, REPORTER);
        action(rectification, "progress", ADMIN, REPORTER);
        action(rectification, "resolve", ADMIN, REPORTER);
        action(rectification, "answer", ADMIN, REPORTER);
        action(rectification, "verify", ADMIN, REVIEWER);
        action(rectification, "reject", ADMIN, REVIEWER);
        action(rectification, "close", ADMIN, REVIEWER);
        action(rectification, "reopen", ADMIN, REVIEWER);
        action(rectification, "instruct", LEADER);
        action(rectification, "escalate"); // the job's step, never a user's
        action(rectification, "register");

        // 亮灯台: admins keep lists and tasks and close months; reporters (or admins) report; reviewers approve
        for (String form : List.of("/lighting/lists/new", "/lighting/lists/{listId}/edit",
                "/lighting/lists/{listId}/tasks/new", "/lighting/tasks/{taskId}/edit", "/lighting/import")) {
            get(form, ADMIN);
        }
        post("/lighting/lists", ADMIN);
        post("/lighting/lists/{listId}/edit", ADMIN);
        post("/lighting/lists/{listId}/tasks", ADMIN);
        post("/lighting/tasks/{taskId}/edit", ADMIN);
        post("/lighting/import", ADMIN);
        post("/lighting/lists/{listId}/close", ADMIN);
        post("/lighting/lists/{listId}/reopen", ADMIN);
        get("/lighting/report", ADMIN, REPORTER);
        post("/lighting/report/save", ADMIN, REPORTER);
        post("/lighting/report/attachments", ADMIN, REPORTER);
        post("/api/lighting/reports", ADMIN, REPORTER);
        get("/lighting/review", ADMIN, REVIEWER);
        post("/lighting/reports/{reportId}/review", ADMIN, REVIEWER);
        post("/api/lighting/reports/{reportId}/review", ADMIN, REVIEWER);

        // 走访服务: admins keep cadres, charges, enterprises and projects; a cadre (or an admin) logs visits
        get("/service/cadres/new", ADMIN);
        get("/service/cadres/{id}/edit", ADMIN);
        post("/service/cadres", ADMIN);
        post("/service/cadres/{id}", ADMIN);
        post("/service/cadres/{id}/charges", ADMIN);
        post("/service/cadres/{id}/charges/{chargeId}", ADMIN);
        get("/service/targets", ADMIN, REVIEWER, REPORTER, LEADER);
        post("/service/enterprises", ADMIN);
        post("/service/projects", ADMIN);
        get("/service/visits/new", ADMIN, CADRE);
        post("/service/visits", ADMIN, CADRE);

        // 问题清单: every business role raises; the workflow per action (README "Who does what")
        post("/tickets/new", ADMIN, REVIEWER, REPORTER, LEADER, CADRE);
        post("/api/tickets", ADMIN, REVIEWER, REPORTER, LEADER, CADRE);
        post("/tickets/{id}/attachments", ADMIN, REPORTER);
        post("/tickets/categories/{code}", ADMIN);
        for (String tickets : List.of("POST /tickets/{id}/{action}", "POST /api/tickets/{id}/{action}")) {
            action(tickets, "triage", ADMIN);
            action(tickets, "transfer", ADMIN);
            action(tickets, "start", ADMIN, REPORTER);
            action(tickets, "progress", ADMIN, REPORTER);
            action(tickets, "resolve", ADMIN, REPORTER);
            action(tickets, "answer", ADMIN, REPORTER);
            // the ticket's cadre or raiser too: the probes' are nobody among the callers
            action(tickets, "callback", ADMIN, REVIEWER);
            action(tickets, "verify", ADMIN, REVIEWER);
            action(tickets, "reject", ADMIN, REVIEWER);
            action(tickets, "close", ADMIN, REVIEWER);
            action(tickets, "reopen", ADMIN, REVIEWER);
            action(tickets, "instruct", LEADER);
            action(tickets, "escalate");
        }

        // 码上办: the talent applies (own account only); the handling unit's 专窗专员 (REPORTER) or an admin over it
        // files 代办 and works the application; reviewers or admins above verify and close; leaders instruct
        post("/talent/my/services/{code}/apply", Role.TALENT);
        get("/talent/applications/new", ADMIN, REPORTER);
        post("/talent/applications/new", ADMIN, REPORTER);
        post("/talent/applications/{id}/attachments", ADMIN, REPORTER);
        String application = "POST /talent/applications/{id}/{action}";
        action(application, "assign", ADMIN, REPORTER);
        action(application, "start", ADMIN, REPORTER);
        action(application, "progress", ADMIN, REPORTER);
        action(application, "resolve", ADMIN, REPORTER);
        action(application, "answer", ADMIN, REPORTER);
        action(application, "verify", ADMIN, REVIEWER);
        action(application, "reject", ADMIN, REVIEWER);
        action(application, "close", ADMIN, REVIEWER);
        action(application, "reopen", ADMIN, REVIEWER);
        action(application, "instruct", LEADER);
        action(application, "transfer"); // an application belongs to the unit the catalogue names
        action(application, "escalate");
        action(application, "register");

        // 三事分流: the community's reporter or an admin registers, classifies, holds sittings; reviewers or
        // admins above the community verify and close; leaders read; cadres have no access
        post("/deliberation/matters", ADMIN, REPORTER);
        post("/deliberation/matters/{id}/classify", ADMIN, REPORTER);
        post("/deliberation/meetings/schedule", ADMIN, REPORTER);
        post("/deliberation/meetings", ADMIN, REPORTER);
        post("/deliberation/meetings/{id}/move", ADMIN, REPORTER);
        post("/deliberation/meetings/{id}/hold", ADMIN, REPORTER);
        String sanshi = "POST /deliberation/matters/{id}/closure/{action}";
        action(sanshi, "resolve", ADMIN, REPORTER);
        action(sanshi, "verify", ADMIN, REVIEWER);
        action(sanshi, "reject", ADMIN, REVIEWER);
        action(sanshi, "close", ADMIN, REVIEWER);
        action(sanshi, "reopen", ADMIN, REVIEWER);
        action(sanshi, "assign");

        // 人才码: the 人才办's ADMIN issues, re-issues and revokes (in scope); rotation is the city's ADMIN's (a
        // district ADMIN gets 403 from the service); anyone verifies (the answer is counted, never refused by role)
        post("/talent/codes/issue", ADMIN);
        post("/talent/codes/{id}/revoke", ADMIN);
        post("/talent/codes/keys/rotate", ADMIN);
        post("/talent/verify", Role.values());
        post("/api/talent/verify", Role.values());
    }

    static {
        // 人才诉求 / 专班 / 联系服务专家 (ADR 061): the talent raises the own requests; the office's writes are ADMIN's
        post("/talent/my/requests", Role.TALENT);
        post("/api/talent/my/requests", Role.TALENT);
        for (String base : List.of("/talent/support", "/api/talent/support")) {
            for (String write : List.of("/teams", "/requests", "/platforms", "/projects", "/key-talents", "/leaders",
                    "/contacts", "/teams/{id}/members", "/teams/{id}/served")) {
                post(base + write, ADMIN);
            }
        }
        post("/talent/support/teams/{id}/contacts", ADMIN);
        // 人才认定: only an administrator (in scope) opens a case, uploads evidence and takes every step; a 举荐委员
        // submits the own ballot (the security chain and the route check the role, the route the group)
        post("/talent/recognition", ADMIN);
        post("/api/talent/recognition/cases", ADMIN);
        post("/talent/recognition/{id}/evidence", ADMIN);
        for (String recognition : List.of("POST /talent/recognition/{id}/{action}",
                "POST /api/talent/recognition/cases/{id}/{action}")) {
            for (String step : List.of("review", "return", "opinion", "conclude", "tally", "publicise", "object",
                    "answer", "decide", "reject", "revoke")) {
                action(recognition, step, ADMIN);
            }
        }
        post("/talent/referee/cases/{id}/ballot", Role.TALENT_REFEREE);
        post("/api/talent/referee/cases/{id}/ballot", Role.TALENT_REFEREE);
        // 码上秒享: ADMIN computes, imports, registers payment and downloads the payment list (full ID numbers);
        // ADMIN or REVIEWER reviews, never whoever computed the run (four eyes, refused with 403)
        post("/talent/grants/runs", ADMIN);
        post("/talent/grants/runs/{id}/approve", ADMIN, REVIEWER);
        post("/talent/grants/runs/{id}/reject", ADMIN, REVIEWER);
        post("/talent/grants/runs/{id}/paid", ADMIN);
        post("/talent/grants/facts/import", ADMIN);
        get("/talent/grants/runs/{id}/payments", ADMIN);

        // rating cycle (issue 17, ADR 064): the city's or a county's ADMIN opens rounds and runs 公示, objections,
        // publication and 摘星; the organisation (REPORTER or ADMIN) fills in, attaches and submits its sheet; the
        // levels' ADMIN or REVIEWER change scores, veto, approve and return; LEADER reads
        get("/ratings/rounds/new", ADMIN);
        for (String base : List.of("/ratings", "/api/ratings")) {
            post(base + "/rounds", ADMIN);
            post(base + "/rounds/{id}/publicity", ADMIN);
            post(base + "/rounds/{id}/publish", ADMIN);
            post(base + "/entries/{id}/scores", ADMIN, REVIEWER, REPORTER);
            post(base + "/entries/{id}/recompute", ADMIN, REVIEWER, REPORTER);
            post(base + (base.startsWith("/api") ? "/entries/evidence" : "/entries/{id}/evidence"), ADMIN, REPORTER);
            post(base + "/entries/{id}/submit", ADMIN, REPORTER);
            for (String review : List.of("approve", "return", "veto", "veto/lift")) {
                post(base + "/entries/{id}/" + review, ADMIN, REVIEWER);
            }
            post(base + "/entries/{id}/objections", ADMIN);
            post(base + "/entries/{id}/objections/{objectionId}/answer", ADMIN);
            post(base + "/entries/{id}/withdraw", ADMIN);
            post(base + "/entries/{id}/restore", ADMIN);
        }
        // ratings, ballots part (ADR 067): the raters' JSON vote API is public; paper ballots are entered by ADMIN
        post("/api/ratings/vote", Role.values());
        get("/ratings/evaluation/{campaignId}/paper", ADMIN);
        get("/ratings/evaluation/{campaignId}/paper/template.xlsx", ADMIN);
        post("/ratings/evaluation/{campaignId}/paper", ADMIN);
        post("/api/ratings/evaluation/{campaignId}/paper", ADMIN);
        // --- issue 18 joint begin
        // 海岛 (ADR 073): read only, the office's; 党建联建: the office reads, ADMIN writes (in its scope)
        post("/prosperity/joint", ADMIN);
        for (String write : List.of("members", "pairs", "terms", "projects")) {
            post("/prosperity/joint/{committeeId}/" + write, ADMIN);
        }
        post("/prosperity/joint/projects/{projectId}/results", ADMIN);
        post("/api/prosperity/joint/committees", ADMIN);
        post("/api/prosperity/joint/committees/{committeeId}/terms", ADMIN);
        post("/api/prosperity/joint/projects/{projectId}/results", ADMIN);
        // --- issue 18 joint end
        // --- issue 19 young begin
        // 年轻干部 and 一把手/离任交接/揭榜出征 (ADR 078): the 干部科 (ADMIN, REVIEWER) writes in its scope; the rest of
        // the office and 干部监督 read
        for (String base : List.of("/cadres/young", "/api/cadres/young")) {
            post(base, ADMIN, REVIEWER);
            for (String step : List.of("review", "mentor", "notes", "postings", "exit")) {
                post(base + "/{id}/" + step, ADMIN, REVIEWER);
            }
            post(base + "/postings/{postingId}/end", ADMIN, REVIEWER);
            post(base + "/ranking", ADMIN, REVIEWER);
        }
        for (String base : List.of("/cadres/leaders", "/api/cadres/leaders")) {
            post(base + "/people/{personId}/notes", ADMIN, REVIEWER);
            post(base + "/handovers", ADMIN, REVIEWER);
            post(base + "/handovers/{id}/items/{itemId}/confirm", ADMIN, REVIEWER);
            post(base + "/handovers/{id}/sign", ADMIN, REVIEWER);
            post(base + "/handovers/{id}/complete", ADMIN, REVIEWER);
            post(base + "/tasks", ADMIN, REVIEWER);
            post(base + "/tasks/{id}/claims", ADMIN, REVIEWER);
            post(base + "/tasks/{id}/close", ADMIN, REVIEWER);
            post(base + "/claims/{claimId}/progress", ADMIN, REVIEWER);
            post(base + "/claims/{claimId}/finish", ADMIN, REVIEWER);
        }
        // --- issue 19 young end
        // --- issue 18 checkin begin
        // 党员报到 (ADR 069): the village's REPORTER or ADMIN decides, publishes posts and logs on a member's behalf;
        // pairings are ADMIN's; the member (PARTY_MEMBER) registers, claims, withdraws and logs on the own pages
        for (String base : List.of("/party/checkin", "/api/party/checkin")) {
            for (String step : List.of("confirm", "refuse", "end")) {
                post(base + "/registrations/{id}/" + step, ADMIN, REPORTER);
            }
            post(base + "/villages/{id}/posts", ADMIN, REPORTER);
            post(base + "/posts/{id}/close", ADMIN, REPORTER);
            post(base + "/villages/{id}/logs", ADMIN, REPORTER);
            post(base + "/pairings", ADMIN);
            post(base + "/pairings/{id}/delete", ADMIN);
        }
        for (String base : List.of("/party/my", "/api/party/my")) {
            post(base + "/registrations", Role.PARTY_MEMBER);
            post(base + "/registrations/{id}/end", Role.PARTY_MEMBER);
            post(base + "/posts/{id}/claim", Role.PARTY_MEMBER);
            post(base + "/posts/{id}/withdraw", Role.PARTY_MEMBER);
            post(base + "/logs", Role.PARTY_MEMBER);
        }
        // --- issue 18 checkin end
        // --- issue 19 frontline begin
        // 一线考察 (ADR 075): the office and 干部监督 read; ADMIN and REVIEWER (干部科) write in their scope
        post("/cadres/frontline", ADMIN, REVIEWER);
        post("/api/cadres/frontline/campaigns", ADMIN, REVIEWER);
        get("/cadres/frontline/{id}/record", ADMIN, REVIEWER);
        for (String base : List.of("/cadres/frontline/{id}", "/api/cadres/frontline/campaigns/{id}")) {
            for (String write : List.of("/teams", "/cadres", "/outcomes", "/close", "/records")) {
                post(base + write, ADMIN, REVIEWER);
            }
        }
        // --- issue 19 frontline end
        // --- issue 18 mobile begin
        // 流动党员 (ADR 070): ADMIN and REPORTER keep the files (源头查找, 建档, contacts, events, tasks, skills);
        // only ADMIN registers host organisations, applies the 三个一批 rule and presses 督办; REVIEWER and LEADER read
        for (String write : List.of("/contacts", "/events", "/tasks", "/skills")) {
            post("/party/mobile/files/{id}" + write, ADMIN, REPORTER);
        }
        post("/party/mobile/files/{id}/dun", ADMIN);
        post("/party/mobile/sources/import", ADMIN, REPORTER);
        post("/party/mobile/sources/scan", ADMIN, REPORTER);
        post("/party/mobile/sources/{id}/file", ADMIN, REPORTER);
        post("/party/mobile/sources/{id}/dismiss", ADMIN, REPORTER);
        post("/party/mobile/unmanaged/assign", ADMIN);
        post("/party/mobile/hosts", ADMIN);
        post("/api/party/mobile/files", ADMIN, REPORTER);
        post("/api/party/mobile/files/{id}/contacts", ADMIN, REPORTER);
        post("/api/party/mobile/files/{id}/events", ADMIN, REPORTER);
        post("/api/party/mobile/sources/import", ADMIN, REPORTER);
        post("/api/party/mobile/assign", ADMIN);
        // --- issue 18 mobile end
        // --- issue 18 workshops begin
        // 共富工坊 (ADR 071): ADMIN keeps the register, pairs and 强村公司; ADMIN or REPORTER enter and import the
        // monthly ledger; everybody of the office reads (scoped)
        get("/prosperity/workshops/new", ADMIN);
        post("/prosperity/workshops", ADMIN);
        post("/api/prosperity/workshops", ADMIN);
        get("/prosperity/workshops/{id}/edit", ADMIN);
        post("/prosperity/workshops/{id}", ADMIN);
        get("/prosperity/workshops/{id}/ledger", ADMIN, REPORTER);
        post("/prosperity/workshops/{id}/ledger", ADMIN, REPORTER);
        post("/api/prosperity/workshops/{id}/ledger", ADMIN, REPORTER);
        get("/prosperity/workshops/import", ADMIN, REPORTER);
        get("/prosperity/workshops/import/template.xlsx", ADMIN, REPORTER);
        post("/prosperity/workshops/import", ADMIN, REPORTER);
        post("/prosperity/pairs", ADMIN);
        post("/api/prosperity/pairs", ADMIN);
        post("/prosperity/pairs/{id}/end", ADMIN);
        post("/prosperity/pairs/companies", ADMIN);
        post("/prosperity/pairs/companies/{id}/revenue", ADMIN);
        // --- issue 18 workshops end
        // --- issue 18 matching begin
        // 聚力共富 (ADR 072): every office role reads in scope; ADMIN and REPORTER post needs and offers, engage, record
        // outcomes, complete and rate (a rating only by its own side, checked in the service); only ADMIN unmasks
        get("/prosperity/matching/needs/new", ADMIN, REPORTER);
        get("/prosperity/matching/offers/new", ADMIN, REPORTER);
        for (String base : List.of("/prosperity/matching", "/api/prosperity/matching")) {
            post(base + "/needs", ADMIN, REPORTER);
            post(base + "/needs/{id}/withdraw", ADMIN, REPORTER);
            post(base + "/needs/{id}/engagements", ADMIN, REPORTER);
            post(base + "/offers", ADMIN, REPORTER);
            post(base + "/offers/{id}/withdraw", ADMIN, REPORTER);
            post(base + "/offers/{id}/unmask", ADMIN);
            post(base + "/engagements/{id}/outcomes", ADMIN, REPORTER);
            post(base + "/engagements/{id}/ratings", ADMIN, REPORTER);
            post(base + "/engagements/{id}/complete", ADMIN, REPORTER);
        }
        // --- issue 18 matching end
        // --- issue 19 appointments begin
        // 选拔任用纪实 (ADR 076): the office and 干部监督 read in scope; ADMIN and REVIEWER (干部科) open records,
        // record the procedure steps, stop them and keep the 任免审批表's own fields and photo
        get("/cadres/appointments/new", ADMIN, REVIEWER);
        for (String base : List.of("/cadres/appointments", "/api/cadres/appointments")) {
            post(base, ADMIN, REVIEWER);
            post(base + "/{id}/steps", ADMIN, REVIEWER);
            post(base + "/{id}/stop", ADMIN, REVIEWER);
            post(base + "/people/{personId}/profile", ADMIN, REVIEWER);
        }
        post("/cadres/appointments/people/{personId}/photo", ADMIN, REVIEWER);
        // --- issue 19 appointments end
        // --- issue 19 care begin
        // 激励关爱 (ADR 074/077): only ADMIN and 干部监督 — every other role's call answers 404 (refused, DB unchanged)
        for (String base : List.of("/cadres/care", "/api/cadres/care")) {
            Role[] care = {ADMIN, Role.CADRE_SUPERVISOR};
            if (base.equals("/cadres/care")) {
                get(base, care);
            }
            for (String g : List.of("/export.xlsx", "/cases", "/cases/{id}", "/clearances", "/rewards",
                    "/rewards/{id}", "/exemplars", "/exemplars/{id}", "/disciplines/{id}", "/reuses")) {
                get(base + g, care);
            }
            post(base + "/cases", care);
            post(base + "/cases/{id}/verify", care);
            post(base + "/cases/{id}/decide", care);
            post(base + "/clearances", care);
            post(base + "/disciplines", care);
            post(base + "/disciplines/{id}/visits", care);
            post(base + "/disciplines/{id}/dunning", care);
            post(base + "/rewards", care);
            post(base + "/rewards/{id}/items", care);
            post(base + "/exemplars", care);
            post(base + "/exemplars/{id}/review", care);
            post(base + "/exemplars/{id}/publicity", care);
            post(base + "/exemplars/{id}/publish", care);
        }
        get("/cadres/care/visits", ADMIN, Role.CADRE_SUPERVISOR);
        post("/cadres/care/disciplines/{id}/reuses", ADMIN, Role.CADRE_SUPERVISOR);
        for (String g : List.of("/figures", "/people", "/criteria", "/clearances/{id}", "/disciplines", "/overdue")) {
            get("/api/cadres/care" + g, ADMIN, Role.CADRE_SUPERVISOR);
        }
        post("/api/cadres/care/reuses", ADMIN, Role.CADRE_SUPERVISOR);
        // --- issue 19 care end
        // --- issue 19 training begin
        // 干部培训 and 调研课题 (ADR 079): the office and 干部监督 read in scope; ADMIN and REVIEWER (干部科) write
        for (String base : List.of("/cadres/training", "/api/cadres/training")) {
            post(base + "/classes", ADMIN, REVIEWER);
            post(base + "/classes/{id}/sessions", ADMIN, REVIEWER);
            post(base + "/classes/{id}/enrolments", ADMIN, REVIEWER);
            post(base + "/classes/{id}/enrolments/import", ADMIN, REVIEWER);
            post(base + "/classes/{id}/attendance/import", ADMIN, REVIEWER);
            post(base + "/sessions/{id}/attendance", ADMIN, REVIEWER);
            post(base + "/enrolments/{id}/completion", ADMIN, REVIEWER);
        }
        for (String base : List.of("/cadres/research", "/api/cadres/research")) {
            post(base + "/topics", ADMIN, REVIEWER);
            post(base + "/topics/{id}/progress", ADMIN, REVIEWER);
            post(base + "/topics/{id}/problems", ADMIN, REVIEWER);
            post(base + "/topics/{id}/conclude", ADMIN, REVIEWER);
            post(base + "/problems/{id}/solve", ADMIN, REVIEWER);
            post(base + "/topics/{id}/dunning", ADMIN, REVIEWER); // 督办 of an overdue topic
        }
        // --- issue 19 training end
        // --- issue 20 annual begin: the office reads, ADMIN and REVIEWER generate and edit, ADMIN publishes
        post("/annual", ADMIN, REVIEWER);
        post("/annual/{id}/edit", ADMIN, REVIEWER);
        post("/annual/{id}/regenerate", ADMIN, REVIEWER);
        post("/annual/{id}/publish", ADMIN);
        post("/api/annual", ADMIN, REVIEWER);
        put("/api/annual/{id}/paragraphs", ADMIN, REVIEWER);
        post("/api/annual/{id}/publish", ADMIN);
        // --- issue 20 annual end
    }

    private AccessPolicy() {
    }

    static Access only(Role role) {
        return new Access(false, EnumSet.of(role));
    }

    private static void get(String pattern, Role... roles) {
        ROUTES.put("GET " + pattern, roles(roles));
    }

    private static void post(String pattern, Role... roles) {
        ROUTES.put("POST " + pattern, roles(roles));
    }

    private static void put(String pattern, Role... roles) {
        ROUTES.put("PUT " + pattern, roles(roles));
    }

    private static void delete(String pattern, Role... roles) {
        ROUTES.put("DELETE " + pattern, roles(roles));
    }

    private static void action(String route, String action, Role... roles) {
        ACTIONS.computeIfAbsent(route, k -> new java.util.ArrayList<>()).add(action);
        ROUTES.put(route + " " + action, roles(roles));
    }

    private static Set<Role> roles(Role... roles) {
        return roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    /** Who reaches the route's prefix at all. */
    static Optional<Access> module(String pattern) {
        Access best = null;
        int bestLength = -1;
        for (var entry : MODULES.entrySet()) {
            String prefix = entry.getKey();
            boolean matches = prefix.equals("/") ? pattern.equals("/")
                    : pattern.equals(prefix) || pattern.startsWith(prefix + "/") || pattern.startsWith(prefix + ".");
            if (matches && prefix.length() > bestLength) {
                best = entry.getValue();
                bestLength = prefix.length();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The {action} values a workflow route takes (empty when the policy does not list them). */
    static List<String> actions(Route route) {
        return ACTIONS.getOrDefault(route.key(), List.of());
    }

    /**
     * Who may do what the route (and action) does; empty when the policy does not say — a write or an action
     * the policy does not list is a gap in the policy and fails the suite.
     */
    static Optional<Set<Role>> may(Route route, String action) {
        String key = route.key() + (action == null ? "" : " " + action);
        Set<Role> roles = ROUTES.get(key);
        if (roles != null) {
            return Optional.of(roles);
        }
        if (route.writes() || action != null) {
            return Optional.empty();
        }
        return module(route.pattern()).map(Access::roles);
    }

    /** Whether a signed-in role may call it, at both levels. */
    static boolean allows(Route route, String action, Role role) {
        return module(route.pattern()).map(a -> a.allows(role)).orElse(false)
                && may(route, action).map(r -> r.contains(role)).orElse(false);
    }
}
