package cn.zugong.security.attack;

import cn.zugong.IntegrationTest;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import cn.zugong.tickets.NewTicket;
import cn.zugong.tickets.ProblemTickets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the attacks aim at, made once per shared context, all on fixed dates (never today's): for every
 * {@link IdKind} a probe <b>outside</b> the 定海 callers' scope (a 普陀区 unit, its community, its district's
 * list …) and one <b>inside</b> the reporter's own unit (定海区教育局), so that a role the policy refuses is
 * refused for its role and not merely for its scope. Workflow items exist in every state, so that each action
 * is aimed at an item on which it is legal. The 普陀 probe person's name and ID number must never show up in
 * the 定海 callers' answers; a 定海 person and unit carry script in their names; a victim account serves the
 * officers' routes.
 */
final class Targets {

    static final String PROBE_NAME = "越权探针甲";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String SCRIPT_UNIT = "定海<img src=x onerror=alert(2)>局";
    static final String VICTIM = "attack-victim";
    static final LocalDate BORN = LocalDate.of(1977, 7, 7);
    /** The workflow states a probe item is made in, and the action each state allows. */
    static final List<String> STATES = List.of("REGISTERED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "VERIFIED", "CLOSED");

    /** One set of probes: a value for each kind, and the workflow items by state. */
    record Probes(String label, Map<IdKind, String> values, Map<String, Long> rectifications,
                  Map<String, Long> tickets, Map<String, Long> applications) {

        String value(IdKind kind, String action) {
            if (action != null && kind == IdKind.RECTIFICATION) {
                return String.valueOf(rectifications.get(stateFor(action)));
            }
            if (action != null && kind == IdKind.TICKET) {
                return String.valueOf(tickets.get(stateFor(action)));
            }
            if (action != null && kind == IdKind.TALENT_APPLICATION) {
                return String.valueOf(applications.get(stateFor(action)));
            }
            return values.get(kind);
        }

        /** The state in which the workflow accepts the action (the refusal must then come from the rights). */
        static String stateFor(String action) {
            return switch (action) {
                case "start" -> "ASSIGNED";
                case "progress", "resolve", "instruct", "answer", "transfer" -> "IN_PROGRESS";
                case "verify", "reject", "callback" -> "RESOLVED";
                case "close" -> "VERIFIED";
                case "reopen" -> "CLOSED";
                default -> "REGISTERED";
            };
        }
    }

    private static Targets made;

    final Probes foreign;
    final Probes home;
    final long probePerson;
    final String probeIdNumber;
    final String probeUnitName;
    final long scriptPerson;
    final long scriptUnit;
    final long victimAccount;

    private Targets(Probes foreign, Probes home, long probePerson, String probeIdNumber, String probeUnitName,
                    long scriptPerson, long scriptUnit, long victimAccount) {
        this.foreign = foreign;
        this.home = home;
        this.probePerson = probePerson;
        this.probeIdNumber = probeIdNumber;
        this.probeUnitName = probeUnitName;
        this.scriptPerson = scriptPerson;
        this.scriptUnit = scriptUnit;
        this.victimAccount = victimAccount;
    }

    String probeName() {
        return PROBE_NAME;
    }

    /** The services the set-up needs. */
    record Services(OrgBuilder builder, OrgTree tree, RosterWriter roster, Accounts accounts, JdbcClient jdbc,
                    ClosureItems closure, ProblemTickets tickets, Clock clock, ReportJobs jobs,
                    cn.zugong.talent.TalentCodes talentCodes, cn.zugong.talent.TalentRegistry talents,
                    cn.zugong.talent.TalentSupportDesk talentSupport) {
    }

    /** Submits a healthcheck report job as the given user for the node and answers its id. */
    interface ReportJobs {
        String submit(String username, long nodeId);
    }

    private static RuntimeException failed;

    /** The probes, made on the first call; a failed set-up fails every later call the same way. */
    static synchronized Targets ensure(Services s) {
        if (made != null) {
            return made;
        }
        if (failed != null) {
            throw failed;
        }
        try {
            made = make(s);
            return made;
        } catch (RuntimeException e) {
            failed = e;
            throw e;
        }
    }

    private static Targets make(Services s) {
        s.builder().addUnits(List.of(
                new NewUnit("330903", "330903A01", "普陀区越权探针局", 990, "行政机关", "县直", 10, List.of()),
                new NewUnit("330902", "330902A01", SCRIPT_UNIT, 990, "行政机关", "县直", 10, List.of())));
        OrgNode putuo = s.tree().byCode("330903A01").orElseThrow();
        OrgNode dinghai = s.tree().byCode("330902A01").orElseThrow();
        long reporterUnit = s.jdbc().sql("select scope_node_id from account where username = 'reporter'")
                .query(Long.class).single();
        String probeId = IdNumbers.of("330903", BORN, 771);
        List<PersonRow> saved = s.roster().save(List.of(
                person(putuo.id(), PROBE_NAME, probeId),
                person(dinghai.id(), SCRIPT_NAME, IdNumbers.of("330902", BORN, 773)),
                person(reporterUnit, "越权探针乙", IdNumbers.of("330902", BORN, 775))));
        long victim = s.accounts().create(new NewAccount(VICTIM, IntegrationTest.PASSWORD, "攻击目标账号", Role.LEADER,
                putuo.id()));
        Probes foreign = probes(s, "普陀", s.tree().byCode("330903").orElseThrow().id(), putuo.id(),
                community(s.jdbc(), "330903"), saved.get(0).id(), victim, "putuo");
        Probes home = probes(s, "定海教育局", s.tree().byCode("330902").orElseThrow().id(), reporterUnit,
                community(s.jdbc(), "330902"), saved.get(2).id(), victim, "dinghai");
        return new Targets(foreign, home, saved.get(0).id(), probeId, putuo.name(), saved.get(1).id(), dinghai.id(),
                victim);
    }

    /** A live API token of the victim account (no caller's own), as POST /api/tokens records it. */
    private static String apiToken(JdbcClient jdbc, long account, Clock clock, String tag) {
        String jti = "attack-probe-" + tag + "-" + java.util.UUID.randomUUID();
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
        jdbc.sql("insert into api_token (jti, account_id, issued_at, expires_at) values (:jti, :a, :now, :until)")
                .param("jti", jti).param("a", account).param("now", java.sql.Timestamp.valueOf(now))
                .param("until", java.sql.Timestamp.valueOf(now.plusYears(1))).update();
        return jti;
    }

    private static long community(JdbcClient jdbc, String district) {
        return jdbc.sql("select min(id) from org_node where kind = 'VILLAGE' and code like :c").param("c", district + "%")
                .query(Long.class).single();
    }

    private static Probes probes(Services s, String tag, long district, long unit, long community, long person,
                                 long account, String districtAdmin) {
        JdbcClient jdbc = s.jdbc();
        Map<IdKind, String> v = new EnumMap<>(IdKind.class);
        v.put(IdKind.NODE, String.valueOf(unit));
        v.put(IdKind.UNIT, String.valueOf(unit));
        v.put(IdKind.COMMUNITY, String.valueOf(community));
        v.put(IdKind.PERSON, String.valueOf(person));
        v.put(IdKind.ACCOUNT, String.valueOf(account));
        v.put(IdKind.RESET_REQUEST, "999999");
        v.put(IdKind.API_TOKEN, apiToken(jdbc, account, s.clock(), districtAdmin));
        v.put(IdKind.INDICATOR, "A0102");
        v.put(IdKind.TICKET_CATEGORY, "OTHER");
        // ratings, schemes part: a shipped scheme file (not scoped: every office role reads every scheme)
        v.put(IdKind.RATING_SCHEME, "cun-wuxing");
        v.put(IdKind.RATING_SCHEME_VERSION, "2026.1");
        v.put(IdKind.AUDIT_OBJECT, String.valueOf(person));
        long evaluation = jdbc.sql("select max(id) from indicator_evaluation where status = 'DONE'").query(Long.class)
                .single();
        v.put(IdKind.EVALUATION, String.valueOf(evaluation));
        v.put(IdKind.REPORT_JOB, s.jobs().submit(districtAdmin, district));
        lighting(jdbc, tag, district, unit, v);
        service(jdbc, tag, unit, community, v);
        sanshi(s, tag, community, v);
        talent(s, district, v);
        recognition(jdbc, tag, district, v);
        grantRun(jdbc, unit, v);
        ratingCycle(jdbc, tag, district, v); // rating cycle (issue 17)
        evaluation(jdbc, tag, district, v);
        // --- issue 19 young begin
        young(jdbc, tag, district, unit, person, v);
        // --- issue 19 young end
        // --- issue 18 checkin begin
        checkin(jdbc, s.roster(), tag, community, v);
        // --- issue 18 checkin end
        // --- issue 19 frontline begin
        frontline(jdbc, tag, district, unit, v);
        // --- issue 19 frontline end
        // --- issue 18 mobile begin
        mobile(jdbc, s.roster(), tag, unit, community, v);
        // --- issue 18 mobile end
        // --- issue 18 matching begin
        matching(jdbc, tag, unit, community, v);
        // --- issue 18 matching end
        CurrentUser setup = setup(s.tree());
        talentSupport(s, tag, unit, districtAdmin, setup, v);
        // --- issue 18 joint begin
        joint(jdbc, tag, unit, v);
        // --- issue 18 joint end
        // --- issue 19 care begin
        care(jdbc, unit, person, v);
        // --- issue 19 care end
        // --- issue 18 workshops begin
        workshops(jdbc, tag, district, unit, v);
        // --- issue 18 workshops end
        // --- issue 19 appointments begin
        appointment(jdbc, unit, person, v);
        // --- issue 19 appointments end
        // --- issue 19 training begin
        cadreTraining(jdbc, tag, district, unit, person, v);
        // --- issue 19 training end
        // --- issue 20 annual begin
        annual(jdbc, tag, unit, v);
        // --- issue 20 annual end
        Map<String, Long> rectifications = new java.util.HashMap<>();
        Map<String, Long> tickets = new java.util.HashMap<>();
        for (String state : STATES) {
            long item = s.closure().register(new NewClosureItem("HEALTHCHECK_RECTIFICATION",
                    "attack/" + tag + "/" + state, unit, "RED", "【红色预警】" + tag + "越权探针整改事项", null,
                    LocalDate.now(s.clock()).plusDays(30)), setup).id();
            jdbc.sql("insert into healthcheck_rectification (item_id, evaluation_id, unit_id, indicator_code, colour) "
                    + "values (:i, :e, :u, 'A0102', 'RED')").param("i", item).param("e", evaluation).param("u", unit)
                    .update();
            rectifications.put(state, item);
            long ticket = s.tickets().raise(new NewTicket("OTHER", "HOTLINE", "attack/" + tag + "/" + state, unit,
                    tag + "越权探针问题", tag + "越权探针问题描述", "探针请求人", "13905800777", null, null), setup).itemId();
            tickets.put(state, ticket);
            for (long id : List.of(item, ticket)) {
                jdbc.sql("update closure_item set status = :s, assignee = '探针经办人', instruction_open = true "
                        + "where id = :i").param("s", state).param("i", id).update();
            }
        }
        v.put(IdKind.RECTIFICATION, String.valueOf(rectifications.get("REGISTERED")));
        v.put(IdKind.TICKET, String.valueOf(tickets.get("REGISTERED")));
        v.put(IdKind.RECTIFICATION_EVIDENCE, String.valueOf(evidence(jdbc, rectifications.get("REGISTERED"))));
        v.put(IdKind.TICKET_EVIDENCE, String.valueOf(evidence(jdbc, tickets.get("REGISTERED"))));
        Map<String, Long> applications = talentApplications(s, tag, unit, setup, v);
        return new Probes(tag, v, Map.copyOf(rectifications), Map.copyOf(tickets), applications);
    }

    /**
     * 码上办: an application of a demo talent in every workflow state, handled by the probe unit (as if it were a
     * handling unit), with a file on the registered one.
     */
    private static Map<String, Long> talentApplications(Services s, String tag, long unit, CurrentUser setup,
                                                        Map<IdKind, String> v) {
        JdbcClient jdbc = s.jdbc();
        long talent = jdbc.sql("select min(id) from talent where username is null").query(Long.class).single();
        Map<String, Long> applications = new java.util.HashMap<>();
        for (int i = 0; i < STATES.size(); i++) {
            String state = STATES.get(i);
            String no = "ATK" + (tag.equals("普陀") ? "PT" : "DH") + i;
            long item = s.closure().register(new NewClosureItem("TALENT_SERVICE", no, unit, "ONBOARD",
                    tag + "越权探针服务申请", null, LocalDate.now(s.clock()).plusDays(10)), setup).id();
            jdbc.sql("update closure_item set status = :s, assignee = '探针经办人', instruction_open = true "
                    + "where id = :i").param("s", state).param("i", item).update();
            jdbc.sql("insert into talent_service_application (application_no, talent_id, item_code, area_code, unit_id, "
                    + "item_id, needed, reused, proxy, submitted_by, submitted_at) values (:no, :t, 'S0101', 'ONBOARD', "
                    + ":u, :i, 3, 3, false, 'attack', timestamp '2026-05-06 10:00:00')").param("no", no)
                    .param("t", talent).param("u", unit).param("i", item).update();
            applications.put(state, jdbc.sql("select id from talent_service_application where application_no = :no")
                    .param("no", no).query(Long.class).single());
        }
        long registered = jdbc.sql("select item_id from talent_service_application where id = :a")
                .param("a", applications.get("REGISTERED")).query(Long.class).single();
        v.put(IdKind.TALENT_APPLICATION, String.valueOf(applications.get("REGISTERED")));
        v.put(IdKind.TALENT_APPLICATION_EVIDENCE, String.valueOf(evidence(jdbc, registered)));
        v.put(IdKind.TALENT_SERVICE_ITEM, "S0101");
        return Map.copyOf(applications);
    }

    /**
     * 人才 (ADR 055, 061): an employer and a talent at the unit, a 专班 with a contact, a key platform and project,
     * and a 人才诉求 of the talent on the 问题清单.
     */
    private static void talentSupport(Services s, String tag, long unit, String districtAdmin, CurrentUser setup,
                                      Map<IdKind, String> v) {
        String region = districtAdmin.equals("putuo") ? "330903" : "330902";
        long employer = s.talents().registerEmployer(new cn.zugong.talent.NewEmployer(unit,
                cn.zugong.talent.CreditCodes.of(true, region, districtAdmin.equals("putuo") ? 77700001 : 77700002),
                tag + "越权探针企业", "ENTERPRISE", "FISHERY"), "attack");
        LocalDate born = LocalDate.of(1985, 5, districtAdmin.equals("putuo") ? 5 : 6);
        long talent = s.talents().register(new cn.zugong.talent.NewTalent(unit, employer, tag + "越权探针人才", "男", born,
                IdNumbers.of(region, born, 779), "13905800779", null, "ENGINEER", "FISHERY", "MASTER", null, null,
                null, null, List.of()), "attack");
        var desk = s.talentSupport();
        long team = desk.team(unit, "ATTACK_" + districtAdmin.toUpperCase(java.util.Locale.ROOT), tag + "越权探针专班",
                null, null, "探针局", null, "探针组长", 99, "attack");
        long contact = desk.contact(unit, team, null, null, LocalDate.of(2026, 5, 6), "VISIT", "探针企业", "探针组长",
                "越权探针联系记录", 1, "attack");
        long platform = desk.platform(unit, tag + "越权探针平台", "重点实验室", "CITY", employer, "attack");
        long project = desk.project(unit, tag + "越权探针项目", "人才项目", employer, null, "attack");
        long item = s.tickets().raise(new NewTicket("OTHER", "TALENT", "attack-talent/" + tag, unit, tag + "越权探针诉求",
                tag + "越权探针诉求描述", "探针人才", null, null, null), setup).itemId();
        desk.requests(List.of(new cn.zugong.talent.TalentSupportDesk.LinkedRequest(unit, talent, employer, team, contact,
                "OTHER", tag + "越权探针诉求", item, java.time.LocalDateTime.of(2026, 5, 6, 10, 0))), "attack");
        long request = s.jdbc().sql("select max(id) from talent_request where ticket_item_id = :i").param("i", item)
                .query(Long.class).single();
        v.put(IdKind.TALENT, String.valueOf(talent));
        v.put(IdKind.TALENT_EMPLOYER, String.valueOf(employer));
        v.put(IdKind.TALENT_TEAM, String.valueOf(team));
        v.put(IdKind.TALENT_CONTACT, String.valueOf(contact));
        v.put(IdKind.TALENT_PLATFORM, String.valueOf(platform));
        v.put(IdKind.TALENT_PROJECT, String.valueOf(project));
        v.put(IdKind.TALENT_REQUEST, String.valueOf(request));
    }

    /** The set-up acts as the city administrator (it raises, registers; never a caller of the suite). */
    private static CurrentUser setup(OrgTree tree) {
        OrgNode city = tree.byCode("3309").orElseThrow();
        return new CurrentUser(0, "attack-setup", "攻击准备", Role.ADMIN, city.asScope(), city.name());
    }

    private static long evidence(JdbcClient jdbc, long item) {
        jdbc.sql("insert into closure_attachment (item_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) values (:i, 'probe.pdf', 'application/pdf', 5, 'probe', :c, 'attack', "
                + "timestamp '2026-05-06 10:00:00')").param("i", item).param("c", "%PDF-".getBytes()).update();
        return jdbc.sql("select max(id) from closure_attachment where item_id = :i").param("i", item)
                .query(Long.class).single();
    }

    /** 三事分流: a decided matter of the community (its closure item RESOLVED, so 核验 is legal) and a sitting. */
    private static void sanshi(Services s, String tag, long community, Map<IdKind, String> v) {
        JdbcClient jdbc = s.jdbc();
        jdbc.sql("insert into deliberation_matter (community_node_id, title, raised_by, raised_on, kind, status, "
                + "registered_by, registered_at) values (:c, :t, '越权探针居民', date '2026-05-06', 'PRIVATE', 'DECIDED', "
                + "'attack', timestamp '2026-05-06 10:00:00')").param("c", community).param("t", tag + "越权探针局的私事")
                .update();
        long matter = jdbc.sql("select max(id) from deliberation_matter where registered_by = 'attack'")
                .query(Long.class).single();
        long item = s.closure().register(new NewClosureItem("SANSHI_MATTER", "sanshi/" + matter, community, "PRIVATE",
                tag + "越权探针私事", null, LocalDate.now(s.clock()).plusDays(30)), setup(s.tree())).id();
        jdbc.sql("update closure_item set status = 'RESOLVED' where id = :i").param("i", item).update();
        jdbc.sql("update deliberation_matter set closure_item_id = :i where id = :m")
                .param("i", item).param("m", matter).update();
        v.put(IdKind.DELIBERATION_MATTER, String.valueOf(matter));
        jdbc.sql("insert into deliberation_meeting (community_node_id, level, meeting_date, status, created_by, "
                + "created_at) values (:c, 'GRID', date '2026-05-08', 'PLANNED', 'attack', timestamp '2026-05-06 10:00:00')")
                .param("c", community).update();
        v.put(IdKind.DELIBERATION_MEETING, String.valueOf(jdbc.sql("select max(id) from deliberation_meeting "
                + "where created_by = 'attack'").query(Long.class).single()));
    }

    /**
     * 人才: a demo talent of the district (talents belong to the county's 人才办, not to a unit, so the home probe is
     * outside the reporter's unit too), recognised, with a valid 人才码.
     */
    private static void talent(Services s, long district, Map<IdKind, String> v) {
        JdbcClient jdbc = s.jdbc();
        String path = s.tree().byId(district).orElseThrow().path();
        long talent = jdbc.sql("select min(t.id) from talent t join org_node n on n.id = t.node_id "
                + "where n.path like :p and t.username is null").param("p", path + "%").query(Long.class).single();
        jdbc.sql("update talent set level = 'D', level_route = 'REGULAR', level_since = date '2026-01-01', "
                + "level_until = date '2029-12-31' where id = :t").param("t", talent).update();
        s.talentCodes().reissue(talent, "attack");
        v.put(IdKind.TALENT, String.valueOf(talent));
        v.put(IdKind.TALENT_CODE, String.valueOf(jdbc.sql("select id from talent_code where talent_id = :t "
                + "and status = 'VALID'").param("t", talent).query(Long.class).single()));
        v.put(IdKind.TALENT_EMPLOYER, String.valueOf(jdbc.sql("select min(id) from talent_employer where node_id = :d")
                .param("d", district).query(Long.class).single()));
    }

    /**
     * 人才认定: a demo talent of the district, a recognition case of it (已申报) with its evidence and an objection,
     * and a 举荐小组 of the district (the demo's groups are the city's).
     */
    private static void recognition(JdbcClient jdbc, String tag, long district, Map<IdKind, String> v) {
        long talent = jdbc.sql("select min(id) from talent where node_id = :d").param("d", district)
                .query(Long.class).single();
        jdbc.sql("insert into talent_referee_group (node_id, field, name, created_by, created_at) values (:d, 'OTHER', "
                + ":n, 'attack', timestamp '2026-05-06 10:00:00')").param("d", district).param("n", tag + "越权探针举荐小组")
                .update();
        long group = jdbc.sql("select id from talent_referee_group where node_id = :d and field = 'OTHER'")
                .param("d", district).query(Long.class).single();
        String no = "RD-PROBE-" + (tag.equals("普陀") ? "PT" : "DH");
        jdbc.sql("insert into talent_recognition_case (case_no, talent_id, node_id, route, status, summary, "
                + "created_by, created_at, updated_at, publicity_from, publicity_until) values (:no, :t, :d, "
                + "'REGULAR', 'SUBMITTED', '越权探针申报', 'attack', timestamp '2026-05-06 10:00:00', "
                + "timestamp '2026-05-06 10:00:00', date '2026-05-06', date '2026-05-13')").param("no", no)
                .param("t", talent).param("d", district).update();
        long c = jdbc.sql("select id from talent_recognition_case where case_no = :no").param("no", no)
                .query(Long.class).single();
        jdbc.sql("insert into talent_recognition_evidence (case_id, file_name, content_type, size_bytes, sha256, "
                + "content, uploaded_by, uploaded_at) values (:c, 'probe.pdf', 'application/pdf', 5, 'probe', :b, "
                + "'attack', timestamp '2026-05-06 10:00:00')").param("c", c).param("b", "%PDF-".getBytes()).update();
        jdbc.sql("insert into talent_recognition_objection (case_id, raised_by, content, received_on, recorded_by, "
                + "recorded_at) values (:c, '探针', '越权探针异议', date '2026-05-07', 'attack', "
                + "timestamp '2026-05-07 10:00:00')").param("c", c).update();
        v.put(IdKind.TALENT, String.valueOf(talent));
        v.put(IdKind.REFEREE_GROUP, String.valueOf(group));
        v.put(IdKind.RECOGNITION_CASE, String.valueOf(c));
        v.put(IdKind.RECOGNITION_EVIDENCE, String.valueOf(jdbc.sql("select max(id) from talent_recognition_evidence "
                + "where case_id = :c").param("c", c).query(Long.class).single()));
        v.put(IdKind.RECOGNITION_OBJECTION, String.valueOf(jdbc.sql("select max(id) from "
                + "talent_recognition_objection where case_id = :c").param("c", c).query(Long.class).single()));
    }

    /**
     * Rating cycle (issue 17, ADR 064): a round of the district (year 2099) with the sheet of a party organisation
     * in it at SELF — the reporter's own unit's branch at home, a 普陀 branch abroad — its evidence and an objection.
     */
    private static void ratingCycle(JdbcClient jdbc, String tag, long district, Map<IdKind, String> v) {
        jdbc.sql("insert into rating_round (node_id, scheme_code, scheme_version, rating_year, name, status, "
                + "publicity_days, created_by, created_at) values (:d, 'liangxin-wuxing', '2026.1', 2099, :n, "
                + "'ASSESSING', 5, 'attack', timestamp '2026-05-06 10:00:00')").param("d", district)
                .param("n", tag + "越权探针评定").update();
        long round = jdbc.sql("select id from rating_round where node_id = :d and rating_year = 2099")
                .param("d", district).query(Long.class).single();
        String path = jdbc.sql("select path from org_node where id = :d").param("d", district).query(String.class)
                .single();
        long org = tag.equals("普陀")
                ? jdbc.sql("select min(id) from org_node where kind = 'PARTY_ORG' and path like :p")
                        .param("p", path + "%").query(Long.class).single()
                : jdbc.sql("select min(o.id) from org_node o join account a on a.scope_node_id = o.parent_id "
                        + "where a.username = 'reporter' and o.kind = 'PARTY_ORG'").query(Long.class).single();
        jdbc.sql("insert into rating_entry (round_id, node_id, stage) values (:r, :o, 'SELF')").param("r", round)
                .param("o", org).update();
        long entry = jdbc.sql("select id from rating_entry where round_id = :r").param("r", round).query(Long.class)
                .single();
        jdbc.sql("insert into rating_evidence (entry_id, criterion_code, description, file_name, content_type, "
                + "size_bytes, sha256, content, uploaded_by, uploaded_at) values (:e, 'ORG-1', '探针材料', 'probe.pdf', "
                + "'application/pdf', 5, 'probe', :b, 'attack', timestamp '2026-05-06 10:00:00')").param("e", entry)
                .param("b", "%PDF-".getBytes()).update();
        jdbc.sql("insert into rating_objection (entry_id, raised_on, raised_by, content, recorded_by, recorded_at) "
                + "values (:e, date '2026-05-07', '探针', '探针异议', 'attack', timestamp '2026-05-07 10:00:00')")
                .param("e", entry).update();
        v.put(IdKind.RATING_ROUND, String.valueOf(round));
        v.put(IdKind.RATING_ENTRY, String.valueOf(entry));
        v.put(IdKind.RATING_EVIDENCE, String.valueOf(jdbc.sql("select max(id) from rating_evidence where entry_id = :e")
                .param("e", entry).query(Long.class).single()));
        v.put(IdKind.RATING_OBJECTION, String.valueOf(jdbc.sql("select max(id) from rating_objection where "
                + "entry_id = :e").param("e", entry).query(Long.class).single()));
    }

    /** 码上秒享: a pending grant run of the unit (computed by a name no caller has, so every reviewer may act). */
    private static void grantRun(JdbcClient jdbc, long unit, Map<IdKind, String> v) {
        jdbc.sql("insert into talent_grant_run (node_id, period, status, pending_key, computed_by, computed_at) values "
                + "(:u, 202605, 'PENDING', :k, 'attack', timestamp '2026-05-06 10:00:00')").param("u", unit)
                .param("k", "attack:" + unit).update();
        v.put(IdKind.TALENT_GRANT_RUN, String.valueOf(jdbc.sql("select max(id) from talent_grant_run where node_id = :u "
                + "and computed_by = 'attack'").param("u", unit).query(Long.class).single()));
    }

    /** 走访服务: a cadre of the unit with an enterprise charge, a visit with its photo, and a project. */
    private static void service(JdbcClient jdbc, String tag, long unit, long community, Map<IdKind, String> v) {
        jdbc.sql("insert into service_cadre (name, phone, node_id, cadre_type, created_by, created_at, updated_at) "
                + "values (:n, '13905800777', :u, 'WARM_ENTERPRISE', 'attack', timestamp '2026-01-01 09:00:00', "
                + "timestamp '2026-01-01 09:00:00')").param("n", tag + "探针干部").param("u", unit).update();
        long cadre = jdbc.sql("select id from service_cadre where node_id = :u and created_by = 'attack'")
                .param("u", unit).query(Long.class).single();
        String credit = tag.equals("普陀") ? "91330903PROBE0001X" : "91330902PROBE0002X";
        jdbc.sql("insert into service_enterprise (name, credit_code, industry, node_id, created_by, created_at) "
                + "values (:n, :c, '水产加工', :u, 'attack', timestamp '2026-01-01 09:00:00')")
                .param("n", tag + "越权探针水产有限公司").param("c", credit).param("u", unit).update();
        long enterprise = jdbc.sql("select id from service_enterprise where credit_code = :c").param("c", credit)
                .query(Long.class).single();
        jdbc.sql("insert into service_project (name, industry, node_id, created_by, created_at) values (:n, '海洋经济', "
                + ":u, 'attack', timestamp '2026-01-01 09:00:00')").param("n", tag + "越权探针项目").param("u", unit).update();
        long project = jdbc.sql("select id from service_project where name = :n").param("n", tag + "越权探针项目")
                .query(Long.class).single();
        jdbc.sql("insert into service_charge (cadre_id, target_kind, enterprise_id, valid_from, created_by, created_at) "
                + "values (:c, 'ENTERPRISE', :e, date '2026-01-01', 'attack', timestamp '2026-01-01 09:00:00')")
                .param("c", cadre).param("e", enterprise).update();
        long charge = jdbc.sql("select id from service_charge where cadre_id = :c").param("c", cadre)
                .query(Long.class).single();
        jdbc.sql("insert into service_visit (cadre_id, charge_id, kind, visit_date, place, whom, notes, created_by, "
                + "created_at) values (:c, :ch, 'ENTERPRISE', date '2026-05-06', '探针企业', :w, '探针走访', "
                + "'attack', timestamp '2026-05-06 10:00:00')").param("c", cadre).param("ch", charge)
                .param("w", tag.equals("普陀") ? PROBE_NAME : "探针乙").update();
        long visit = jdbc.sql("select id from service_visit where cadre_id = :c").param("c", cadre)
                .query(Long.class).single();
        jdbc.sql("insert into service_visit_photo (visit_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) values (:v, 'probe.png', 'image/png', 3, 'probe', :b, 'attack', "
                + "timestamp '2026-05-06 10:00:00')").param("v", visit).param("b", new byte[] {1, 2, 3}).update();
        long photo = jdbc.sql("select id from service_visit_photo where visit_id = :v").param("v", visit)
                .query(Long.class).single();
        v.put(IdKind.SERVICE_CADRE, String.valueOf(cadre));
        v.put(IdKind.SERVICE_CHARGE, String.valueOf(charge));
        v.put(IdKind.SERVICE_ENTERPRISE, String.valueOf(enterprise));
        v.put(IdKind.SERVICE_PROJECT, String.valueOf(project));
        v.put(IdKind.VISIT, String.valueOf(visit));
        v.put(IdKind.VISIT_PHOTO, String.valueOf(photo));
    }

    /** 亮灯台: a list of the district with a task led by the unit, its submitted May report and an attachment. */
    private static void lighting(JdbcClient jdbc, String tag, long district, long unit, Map<IdKind, String> v) {
        String code = tag.equals("普陀") ? "PT-PROBE" : "DH-PROBE";
        jdbc.sql("insert into lighting_list (code, name, list_year, domain, source, source_meeting, owner_node_id, open_day, "
                + "close_day, remind_days, blue_ratio, yellow_ratio, stall_months, points_green, points_blue, points_yellow, "
                + "points_purple, points_red, created_by) values (:code, :name, 2026, '人才工作', '推进例会', "
                + "'探针例会', :o, 1, 10, 3, 1, 0.8, 2, 100, 90, 70, 40, 0, 'attack')").param("code", code)
                .param("name", tag + "越权探针清单").param("o", district).update();
        long list = jdbc.sql("select id from lighting_list where code = :c").param("c", code).query(Long.class).single();
        jdbc.sql("insert into lighting_task (list_id, code, title, lead_unit_id, weight, target_value, measure, plan, deadline) "
                + "values (:l, :c, '越权探针任务', :u, 1, 10, '人', '0,0,0,0,0,0,0,0,0,0,0,100', date '2026-12-31')")
                .param("l", list).param("c", code + "-1").param("u", unit).update();
        long task = jdbc.sql("select id from lighting_task where list_id = :l").param("l", list).query(Long.class).single();
        jdbc.sql("insert into lighting_report (task_id, period, unit_id, actual_value, narrative, status, saved_by, saved_at, "
                + "submitted_by, submitted_at) values (:t, 202605, :u, 3, '越权探针进展', 'SUBMITTED', 'attack', "
                + "timestamp '2026-06-05 10:00:00', 'attack', timestamp '2026-06-05 10:00:00')").param("t", task)
                .param("u", unit).update();
        long report = jdbc.sql("select id from lighting_report where task_id = :t").param("t", task).query(Long.class).single();
        jdbc.sql("insert into lighting_attachment (report_id, file_name, content_type, size_bytes, content, uploaded_by, "
                + "uploaded_at) values (:r, 'probe.pdf', 'application/pdf', 3, :c, 'attack', timestamp '2026-06-05 10:00:00')")
                .param("r", report).param("c", new byte[] {1, 2, 3}).update();
        long attachment = jdbc.sql("select id from lighting_attachment where report_id = :r").param("r", report)
                .query(Long.class).single();
        v.put(IdKind.LIGHTING_LIST, String.valueOf(list));
        v.put(IdKind.LIGHTING_TASK, String.valueOf(task));
        v.put(IdKind.LIGHTING_REPORT, String.valueOf(report));
        v.put(IdKind.LIGHTING_ATTACHMENT, String.valueOf(attachment));
    }

    /**
     * 双述双评双比 (rating evaluation part): a campaign of the district (a year no demo or test campaign uses) with the
     * 班子 of one of its villages as a subject. Talent-like: the district's, so the home probe lies outside the
     * reporter's unit (the reporter sees the campaign, not the village's subject).
     */
    private static void evaluation(JdbcClient jdbc, String tag, long district, Map<IdKind, String> v) {
        jdbc.sql("insert into pe_campaign (node_id, scheme_code, scheme_version, campaign_year, name, opens_at, closes_at, "
                + "status, created_by, created_at) values (:d, 'shuangshu', '2026.1', 2040, :n, timestamp '2026-05-01 08:00:00', "
                + "timestamp '2026-05-31 18:00:00', 'CLOSED', 'attack', timestamp '2026-04-30 10:00:00')")
                .param("d", district).param("n", tag + "越权探针评议").update();
        long campaign = jdbc.sql("select id from pe_campaign where node_id = :d and campaign_year = 2040")
                .param("d", district).query(Long.class).single();
        String path = jdbc.sql("select path from org_node where id = :d").param("d", district).query(String.class).single();
        long village = jdbc.sql("select min(p.node_id) from party_org p join org_node n on n.id = p.node_id "
                + "where p.sector in ('VILLAGE', 'COMMUNITY') and n.path like :p").param("p", path + "%")
                .query(Long.class).single();
        jdbc.sql("insert into pe_subject (campaign_id, org_node_id, kind, name, report_text) values (:c, :o, 'MEMBER', "
                + ":n, '越权探针述职')").param("c", campaign).param("o", village)
                .param("n", tag.equals("普陀") ? PROBE_NAME : "探针丙").update();
        long subject = jdbc.sql("select max(id) from pe_subject where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
        jdbc.sql("insert into pe_adjustment (subject_id, listed_at) values (:s, timestamp '2026-06-01 10:00:00')")
                .param("s", subject).update();
        v.put(IdKind.PE_CAMPAIGN, String.valueOf(campaign));
        v.put(IdKind.PE_SUBJECT, String.valueOf(subject));
        v.put(IdKind.PE_VILLAGE, String.valueOf(village));
    }

    // --- issue 18 joint begin
    /**
     * 海岛 and 党建联建 (ADR 073): an island of the district (普陀: 桃花岛; 定海: 金塘岛) and a joint committee set up by
     * the probe unit (the reporter's own at home), with a member, a chair's term and a project with a result.
     */
    private static void joint(JdbcClient jdbc, String tag, long unit, Map<IdKind, String> v) {
        v.put(IdKind.ISLAND, String.valueOf(jdbc.sql("select id from island where code = :c")
                .param("c", tag.equals("普陀") ? "330903-09" : "330902-02").query(Long.class).single()));
        jdbc.sql("insert into joint_committee (node_id, name, kind, founded_on, theme, created_by, created_at) values "
                + "(:u, :n, 'JOINT', date '2026-01-01', '越权探针', 'attack', timestamp '2026-01-01 09:00:00')")
                .param("u", unit).param("n", tag + "越权探针联合党委").update();
        long committee = jdbc.sql("select id from joint_committee where node_id = :u and created_by = 'attack'")
                .param("u", unit).query(Long.class).single();
        jdbc.sql("insert into joint_member (committee_id, org_id, role, rotation_order) values (:c, :u, 'LEAD', 1)")
                .param("c", committee).param("u", unit).update();
        jdbc.sql("insert into joint_chair_term (committee_id, org_id, chair_name, starts_on, ends_on) values "
                + "(:c, :u, '探针书记', date '2026-01-01', date '2026-12-31')").param("c", committee).param("u", unit)
                .update();
        jdbc.sql("insert into joint_project (committee_id, name, lead_org_id, starts_on, status, created_by, created_at) "
                + "values (:c, '越权探针项目', :u, date '2026-01-01', 'ACTIVE', 'attack', timestamp '2026-01-01 09:00:00')")
                .param("c", committee).param("u", unit).update();
        long project = jdbc.sql("select id from joint_project where committee_id = :c").param("c", committee)
                .query(Long.class).single();
        jdbc.sql("insert into joint_result (project_id, result_date, summary, created_by, created_at) values "
                + "(:p, date '2026-02-01', '越权探针成效', 'attack', timestamp '2026-02-01 09:00:00')")
                .param("p", project).update();
        v.put(IdKind.JOINT_COMMITTEE, String.valueOf(committee));
        v.put(IdKind.JOINT_PROJECT, String.valueOf(project));
    }
    // --- issue 18 joint end

    // --- issue 18 matching begin
    /**
     * 聚力共富: a need posted by the unit (as an enterprise would) for its community, an offer managed by the unit that
     * serves the community only, and an engagement of the two — the 普陀 ones outside every 定海 caller's view.
     */
    private static void matching(JdbcClient jdbc, String tag, long unit, long community, Map<IdKind, String> v) {
        jdbc.sql("insert into matching_need (node_id, poster_kind, poster_name, title, field, place_node_id, period_from, "
                + "period_to, headcount, status, posted_on, created_by, created_at) values (:u, 'ENTERPRISE', :n, :t, "
                + "'DIGITAL', :c, date '2026-05-01', date '2026-09-30', 3, 'OPEN', date '2026-04-20', 'attack', "
                + "timestamp '2026-04-20 10:00:00')").param("u", unit).param("n", tag + "越权探针企业")
                .param("t", tag + "越权探针需求").param("c", community).update();
        long need = jdbc.sql("select max(id) from matching_need where node_id = :u and created_by = 'attack'")
                .param("u", unit).query(Long.class).single();
        jdbc.sql("insert into matching_need_skill (need_id, skill) values (:n, '探针技能')").param("n", need).update();
        jdbc.sql("insert into matching_offer (node_id, kind, name, current_post, available_from, phone, status, "
                + "registered_on, created_by, created_at) values (:u, 'CADRE', :n, '探针职务', date '2026-01-01', "
                + "'13905800777', 'ACTIVE', date '2026-04-01', 'attack', timestamp '2026-04-01 10:00:00')")
                .param("u", unit).param("n", tag.equals("普陀") ? PROBE_NAME : "探针丁").update();
        long offer = jdbc.sql("select max(id) from matching_offer where node_id = :u and created_by = 'attack'")
                .param("u", unit).query(Long.class).single();
        jdbc.sql("insert into matching_offer_field (offer_id, field) values (:o, 'DIGITAL')").param("o", offer).update();
        jdbc.sql("insert into matching_offer_skill (offer_id, skill) values (:o, '探针技能')").param("o", offer).update();
        jdbc.sql("insert into matching_offer_place (offer_id, node_id) values (:o, :c)").param("o", offer)
                .param("c", community).update();
        jdbc.sql("insert into matching_engagement (need_id, offer_id, start_on, end_on, tasks, score, status, created_by, "
                + "created_at) values (:n, :o, date '2026-05-01', date '2026-09-30', '探针任务', 100, 'ACTIVE', 'attack', "
                + "timestamp '2026-05-01 10:00:00')").param("n", need).param("o", offer).update();
        v.put(IdKind.MATCHING_NEED, String.valueOf(need));
        v.put(IdKind.MATCHING_OFFER, String.valueOf(offer));
        v.put(IdKind.MATCHING_ENGAGEMENT, String.valueOf(jdbc.sql("select max(id) from matching_engagement where "
                + "need_id = :n").param("n", need).query(Long.class).single()));
    }
    // --- issue 18 matching end

    private static PersonRow person(long unit, String name, String idNumber) {
        return new PersonRow(null, unit, name, "男", BORN, idNumber, "13905800777", "汉族",
                "中共党员", "大学本科", "学士", null, null, "法学类", "公务员", "一级主任科员", LocalDate.of(2020, 1, 1),
                null, null, LocalDate.of(2000, 7, 1), LocalDate.of(2015, 3, 1), "考录", null, Map.of(), Map.of(),
                List.of(), List.of());
    }
    // --- issue 19 young begin
    /**
     * 年轻干部 and 一把手/离任交接/揭榜出征 (ADR 078): an entry of the probe person in the pool (IN_POOL) with an open
     * posting, a handover of the district's first township (the person leaving, an item unconfirmed), and a task of
     * the district with a claim of the person — written with SQL, the person's own unit giving the scope.
     */
    private static void young(JdbcClient jdbc, String tag, long district, long unit, long person, Map<IdKind, String> v) {
        jdbc.sql("insert into young_cadre (person_id, unit_id, level, status, review_result, review_reason, reviewed_at, "
                + "reviewed_by, entered_on, open_person_id, created_at, created_by) values (:p, :u, 'TOWNSHIP', "
                + "'IN_POOL', 'PASS', '探针', timestamp '2026-05-06 10:00:00', 'attack', date '2026-05-06', :p, "
                + "timestamp '2026-05-06 10:00:00', 'attack')").param("p", person).param("u", unit).update();
        long cadre = jdbc.sql("select id from young_cadre where open_person_id = :p").param("p", person)
                .query(Long.class).single();
        jdbc.sql("insert into young_posting (cadre_id, kind, host_unit, post, starts_on, ends_on, status, created_at, "
                + "created_by) values (:c, 'TRIAL', :h, '探针岗位', date '2026-05-06', date '2099-12-31', 'OPEN', "
                + "timestamp '2026-05-06 10:00:00', 'attack')").param("c", cadre).param("h", tag + "探针").update();
        long township = jdbc.sql("select min(id) from org_node where kind = 'TOWNSHIP' and parent_id = :d")
                .param("d", district).query(Long.class).single();
        jdbc.sql("insert into leader_handover (township_id, leaving_person_id, receiving_person_id, leaves_on, status, "
                + "open_person_id, created_at, created_by) values (:t, :p, (select min(id) from person where id <> :p), "
                + "date '2026-05-06', 'OPEN', :p, timestamp '2026-05-06 10:00:00', 'attack')").param("t", township)
                .param("p", person).update();
        long handover = jdbc.sql("select id from leader_handover where open_person_id = :p").param("p", person)
                .query(Long.class).single();
        jdbc.sql("insert into leader_handover_item (handover_id, sort_order, title) values (:h, 1, '探针事项')")
                .param("h", handover).update();
        jdbc.sql("insert into frontline_task (node_id, title, capacity, claimed, starts_on, ends_on, status, created_at, "
                + "created_by) values (:n, :t, 5, 1, date '2026-01-01', date '2099-12-31', 'OPEN', "
                + "timestamp '2026-05-06 10:00:00', 'attack')").param("n", district).param("t", tag + "揭榜探针").update();
        long task = jdbc.sql("select max(id) from frontline_task where node_id = :n and created_by = 'attack'")
                .param("n", district).query(Long.class).single();
        jdbc.sql("insert into frontline_claim (task_id, person_id, basis, status, claimed_at, claimed_by) values "
                + "(:t, :p, '探针', 'ACTIVE', timestamp '2026-05-07 10:00:00', 'attack')").param("t", task)
                .param("p", person).update();
        v.put(IdKind.YOUNG_CADRE, String.valueOf(cadre));
        v.put(IdKind.YOUNG_POSTING, String.valueOf(jdbc.sql("select max(id) from young_posting where cadre_id = :c")
                .param("c", cadre).query(Long.class).single()));
        v.put(IdKind.LEADER_HANDOVER, String.valueOf(handover));
        v.put(IdKind.HANDOVER_ITEM, String.valueOf(jdbc.sql("select max(id) from leader_handover_item where "
                + "handover_id = :h").param("h", handover).query(Long.class).single()));
        v.put(IdKind.FRONTLINE_TASK, String.valueOf(task));
        v.put(IdKind.FRONTLINE_CLAIM, String.valueOf(jdbc.sql("select id from frontline_claim where task_id = :t")
                .param("t", task).query(Long.class).single()));
    }
    // --- issue 19 young end

    // --- issue 18 checkin begin
    /**
     * 党员报到 (ADR 069): a party member of a branch — the reporter's own unit's at home, the 普陀 village's abroad —
     * registered (ACTIVE) with the community, a post of the community it claimed, a log with a photo, and a pairing.
     */
    // --- issue 19 appointments begin
    /** 选拔任用纪实: an open record (动议 done) of the probe person leading to the probe unit. */
    private static void appointment(JdbcClient jdbc, long unit, long person, Map<IdKind, String> v) {
        jdbc.sql("insert into cadre_appointment (person_id, unit_id, kind, frontline, status, last_step, target_post, "
                + "created_at, created_by) values (:p, :u, 'FURTHER_USE', false, 'OPEN', 'PROPOSAL', '探针职务', "
                + "timestamp '2026-05-06 10:00:00', 'attack')").param("p", person).param("u", unit).update();
        long id = jdbc.sql("select max(id) from cadre_appointment where person_id = :p and created_by = 'attack'")
                .param("p", person).query(Long.class).single();
        jdbc.sql("insert into cadre_appointment_step (appointment_id, step, done_on, recorded_at, recorded_by) values "
                + "(:a, 'PROPOSAL', date '2026-05-06', timestamp '2026-05-06 10:00:00', 'attack')").param("a", id).update();
        v.put(IdKind.CADRE_APPOINTMENT, String.valueOf(id));
    }
    // --- issue 19 appointments end

    private static void checkin(JdbcClient jdbc, RosterWriter roster, String tag, long community,
                                Map<IdKind, String> v) {
        long branch = tag.equals("普陀")
                ? jdbc.sql("select min(id) from org_node where kind = 'PARTY_ORG' and parent_id = :c")
                        .param("c", community).query(Long.class).single()
                : jdbc.sql("select min(o.id) from org_node o join account a on a.scope_node_id = o.parent_id "
                        + "where a.username = 'reporter' and o.kind = 'PARTY_ORG'").query(Long.class).single();
        String name = tag.equals("普陀") ? PROBE_NAME : "报到探针乙";
        // through the roster's write path: ID numbers are stored encrypted with their blind index
        roster.addPartyMembers(List.of(new cn.zugong.people.PartyMemberRow(branch, null, name, "男",
                java.time.LocalDate.of(1977, 7, 7), IdNumbers.of(tag.equals("普陀") ? "330903" : "330902", BORN, 785),
                null, java.time.LocalDate.of(2000, 7, 1), "正式党员", false, null)));
        long member = jdbc.sql("select max(id) from party_member where branch_id = :b and name = :n")
                .param("b", branch).param("n", name).query(Long.class).single();
        jdbc.sql("insert into checkin_registration (member_id, village_id, reason, basis, status, open_village_id, "
                + "requested_at, requested_by, decided_at, decided_by, reported_on) values (:m, :v, 'HOMETOWN', '探针', "
                + "'ACTIVE', :v, timestamp '2026-05-06 10:00:00', 'attack', timestamp '2026-05-06 10:00:00', 'attack', "
                + "date '2026-05-06')").param("m", member).param("v", community).update();
        long registration = jdbc.sql("select max(id) from checkin_registration where member_id = :m")
                .param("m", member).query(Long.class).single();
        jdbc.sql("insert into checkin_post (village_id, kind, role, title, capacity, claimed, starts_on, ends_on, "
                + "closed, created_by, created_at) values (:v, 'GRID', 'SURVEYOR', :t, 5, 1, date '2026-01-01', "
                + "date '2099-12-31', false, 'attack', timestamp '2026-05-06 10:00:00')").param("v", community)
                .param("t", tag + "探针岗位").update();
        long post = jdbc.sql("select max(id) from checkin_post where village_id = :v and created_by = 'attack'")
                .param("v", community).query(Long.class).single();
        jdbc.sql("insert into checkin_claim (post_id, member_id, registration_id, claimed_at, open_post_id) values "
                + "(:p, :m, :r, timestamp '2026-05-07 10:00:00', :p)").param("p", post).param("m", member)
                .param("r", registration).update();
        jdbc.sql("insert into checkin_log (member_id, village_id, registration_id, post_id, served_on, what, "
                + "elderly_visits, funds_yuan, logged_by, on_behalf, created_at) values (:m, :v, :r, :p, "
                + "date '2026-05-08', '探针服务', 1, 0, 'attack', false, timestamp '2026-05-08 10:00:00')")
                .param("m", member).param("v", community).param("r", registration).param("p", post).update();
        long log = jdbc.sql("select max(id) from checkin_log where member_id = :m").param("m", member)
                .query(Long.class).single();
        jdbc.sql("insert into checkin_log_photo (log_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) values (:l, 'probe.png', 'image/png', 3, 'probe', :b, 'attack', "
                + "timestamp '2026-05-08 10:00:00')").param("l", log).param("b", new byte[] {(byte) 0x89, 'P', 'N'})
                .update();
        jdbc.sql("insert into checkin_pairing (org_id, village_id, kind, created_by, created_at) values (:o, :v, "
                + "'CONTACT_POINT', 'attack', timestamp '2026-05-06 10:00:00')").param("o", branch)
                .param("v", community).update();
        v.put(IdKind.CHECKIN_REGISTRATION, String.valueOf(registration));
        v.put(IdKind.CHECKIN_POST, String.valueOf(post));
        v.put(IdKind.CHECKIN_LOG, String.valueOf(log));
        v.put(IdKind.CHECKIN_PHOTO, String.valueOf(jdbc.sql("select max(id) from checkin_log_photo where log_id = :l")
                .param("l", log).query(Long.class).single()));
        v.put(IdKind.CHECKIN_PAIRING, String.valueOf(jdbc.sql("select max(id) from checkin_pairing where org_id = :o "
                + "and village_id = :v").param("o", branch).param("v", community).query(Long.class).single()));
        v.put(IdKind.CHECKIN_MEMBER, String.valueOf(member));
    }
    // --- issue 18 checkin end
    // --- issue 19 frontline begin
    /** 一线考察 (ADR 075): a campaign of the district with a team, a cadre of the unit, a record with its photo. */
    private static void frontline(JdbcClient jdbc, String tag, long district, long unit, Map<IdKind, String> v) {
        long person = jdbc.sql("select min(id) from person where unit_id = :u").param("u", unit).query(Long.class)
                .single();
        jdbc.sql("insert into frontline_campaign (node_id, name, kind, starts_on, ends_on, created_at, created_by) "
                + "values (:n, :name, 'TYPHOON', date '2026-01-01', date '2099-12-31', timestamp '2026-05-06 10:00:00', "
                + "'attack')").param("n", district).param("name", tag + "探针考察").update();
        long campaign = jdbc.sql("select max(id) from frontline_campaign where node_id = :n and created_by = 'attack'")
                .param("n", district).query(Long.class).single();
        jdbc.sql("insert into frontline_team (campaign_id, name, created_at, created_by) values (:c, '探针组', "
                + "timestamp '2026-05-06 10:00:00', 'attack')").param("c", campaign).update();
        long team = jdbc.sql("select max(id) from frontline_team where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
        jdbc.sql("insert into frontline_team_member (team_id, person_id, role) values (:t, :p, 'LEADER')")
                .param("t", team).param("p", person).update();
        jdbc.sql("insert into frontline_cadre (campaign_id, team_id, person_id, unit_id, created_at, created_by) values "
                + "(:c, :t, :p, :u, timestamp '2026-05-06 10:00:00', 'attack')").param("c", campaign).param("t", team)
                .param("p", person).param("u", unit).update();
        long cadre = jdbc.sql("select max(id) from frontline_cadre where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
        jdbc.sql("insert into frontline_record (campaign_id, team_id, cadre_id, method, recorded_on, summary, "
                + "created_at, created_by) values (:c, :t, :x, 'SEE', date '2026-05-07', '探针记录', "
                + "timestamp '2026-05-07 10:00:00', 'attack')").param("c", campaign).param("t", team)
                .param("x", cadre).update();
        long record = jdbc.sql("select max(id) from frontline_record where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
        jdbc.sql("insert into frontline_photo (record_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) values (:r, 'probe.png', 'image/png', 3, 'probe', :b, 'attack', "
                + "timestamp '2026-05-07 10:00:00')").param("r", record).param("b", new byte[] {(byte) 0x89, 'P', 'N'})
                .update();
        v.put(IdKind.FRONTLINE_CAMPAIGN, String.valueOf(campaign));
        v.put(IdKind.FRONTLINE_TEAM, String.valueOf(team));
        v.put(IdKind.FRONTLINE_RECORD, String.valueOf(record));
        v.put(IdKind.FRONTLINE_PHOTO, String.valueOf(jdbc.sql("select max(id) from frontline_photo where record_id = :r")
                .param("r", record).query(Long.class).single()));
    }
    // --- issue 19 frontline end

    // --- issue 18 mobile begin
    /**
     * 流动党员: a party member of the unit's party organisation (the reporter's own, for the home probe; a 普陀
     * village's for the foreign one, the probe unit having none) with a file whose contact is overdue (so 督办 is
     * legal), one event, and an open 源头查找 candidate.
     */
    private static void mobile(JdbcClient jdbc, RosterWriter roster, String tag, long unit, long community,
                               Map<IdKind, String> v) {
        Long branch = jdbc.sql("select min(id) from org_node where parent_id = :u and kind = 'PARTY_ORG'")
                .param("u", unit).query(Long.class).list().get(0);
        if (branch == null) {
            branch = jdbc.sql("select min(id) from org_node where parent_id = :c and kind = 'PARTY_ORG'")
                    .param("c", community).query(Long.class).list().get(0);
        }
        String name = tag.equals("普陀") ? PROBE_NAME : "流动探针丁";
        String id = IdNumbers.of(tag.equals("普陀") ? "330903" : "330902", BORN, tag.equals("普陀") ? 781 : 783);
        roster.addPartyMembers(List.of(new cn.zugong.people.PartyMemberRow(branch, null, name, "男", BORN, id, null,
                java.time.LocalDate.of(2000, 7, 1), "正式党员", true, "杭州市")));
        long member = jdbc.sql("select max(id) from party_member where branch_id = :b and name = :n").param("b", branch)
                .param("n", name).query(Long.class).single();
        jdbc.sql("insert into mobile_file (member_id, branch_id, name, city, in_city, left_on, reason, relation, state, "
                + "next_due, created_at, created_by) values (:m, :b, :n, '杭州市', false, date '2026-01-05', '务工', "
                + "'未转出', 'OUT', date '2026-04-01', timestamp '2026-01-06 10:00:00', 'attack')")
                .param("m", member).param("b", branch).param("n", name).update();
        long file = jdbc.sql("select id from mobile_file where member_id = :m").param("m", member).query(Long.class)
                .single();
        jdbc.sql("insert into mobile_event (file_id, kind, happened_on, recorded_at, recorded_by) values (:f, 'LEFT', "
                + "date '2026-01-05', timestamp '2026-01-06 10:00:00', 'attack')").param("f", file).update();
        jdbc.sql("insert into mobile_candidate (member_id, branch_id, name, source, city, status, found_at, found_by) "
                + "values (:m, :b, :n, 'ROSTER', '杭州市', 'OPEN', timestamp '2026-01-06 10:00:00', 'attack')")
                .param("m", member).param("b", branch).param("n", name).update();
        long candidate = jdbc.sql("select max(id) from mobile_candidate where member_id = :m").param("m", member)
                .query(Long.class).single();
        v.put(IdKind.MOBILE_FILE, String.valueOf(file));
        v.put(IdKind.MOBILE_CANDIDATE, String.valueOf(candidate));
        v.put(IdKind.MOBILE_MEMBER, String.valueOf(member));
    }
    // --- issue 18 mobile end
    // --- issue 19 care begin
    /**
     * 激励关爱 (ADR 077): records of the probe person at the probe unit, each at a step where the next one is legal
     * (a case verified, a discipline whose visit is overdue, a batch, a nominated exemplar) and a completed
     * appointment after the 影响期 for a re-use. Written in SQL; the free text is left in clear (never decrypted
     * by the probes' refusals).
     */
    private static void care(JdbcClient jdbc, long unit, long person, Map<IdKind, String> v) {
        java.sql.Timestamp at = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2026, 1, 5, 9, 0));
        v.put(IdKind.CARE_CASE, String.valueOf(careInsert(jdbc, "insert into care_case (person_id, node_id, matter, "
                + "applied_on, status, finding, verified_on, verified_by, created_at, created_by) values (:p, :n, '探针', "
                + "date '2026-01-05', 'VERIFIED', '探针', date '2026-01-06', 'attack', :at, 'attack')", person, unit, at)));
        v.put(IdKind.CARE_CLEARANCE, String.valueOf(careInsert(jdbc, "insert into care_clearance (person_id, node_id, "
                + "report, cleared_on, published, reach, created_at, created_by) values (:p, :n, '探针', date '2026-01-05', "
                + "'会议通报', '本单位', :at, 'attack')", person, unit, at)));
        v.put(IdKind.CARE_DISCIPLINE, String.valueOf(careInsert(jdbc, "insert into care_discipline (person_id, node_id, "
                + "kind, decided_on, influence_until, summary, visit_months, next_visit_due, created_at, created_by) "
                + "values (:p, :n, '警告', date '2024-01-05', date '2024-07-04', '探针', 6, date '2024-02-05', :at, "
                + "'attack')", person, unit, at)));
        v.put(IdKind.CARE_BATCH, String.valueOf(careInsert(jdbc, "insert into care_reward_batch (node_id, name, "
                + "awarded_on, basis, created_at, created_by) values (:n, '探针批次', date '2026-01-05', '探针', :at, "
                + "'attack')", null, unit, at)));
        v.put(IdKind.CARE_EXEMPLAR, String.valueOf(careInsert(jdbc, "insert into care_exemplar (person_id, node_id, "
                + "round, deeds, status, created_at, created_by) values (:p, :n, '探针', '探针', 'NOMINATED', :at, "
                + "'attack')", person, unit, at)));
        v.put(IdKind.CARE_APPOINTMENT, String.valueOf(careInsert(jdbc, "insert into cadre_appointment (person_id, "
                + "unit_id, kind, status, effective_on, created_at, created_by) values (:p, :n, 'PROMOTION', 'DONE', "
                + "date '2025-06-01', :at, 'attack')", person, unit, at)));
    }

    private static long careInsert(JdbcClient jdbc, String sql, Long person, long unit, java.sql.Timestamp at) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        var spec = jdbc.sql(sql).param("n", unit).param("at", at);
        if (person != null) {
            spec = spec.param("p", person);
        }
        spec.update(key, "id");
        return key.getKey().longValue();
    }
    // --- issue 19 care end
    // --- issue 18 workshops begin
    /**
     * 共富工坊 (ADR 071): a workshop at {@code node} (the 普陀 unit, or the reporter's own unit, so that scope alone
     * decides), with one ledger month; a pair whose "village" is that node; a 强村公司 of the district holding a share
     * of that node. Written in SQL (the service accepts only township and village nodes).
     */
    private static void workshops(JdbcClient jdbc, String tag, long district, long node, Map<IdKind, String> v) {
        java.sql.Timestamp at = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2026, 1, 5, 9, 0));
        jdbc.sql("insert into workshop (name, node_id, county_id, type_code, started_on, provincial_model, status, "
                        + "created_by, created_at) values (:n, :node, :c, 'OTHER', date '2024-01-01', false, 'OPEN', 'attack', :at)")
                .param("n", tag + "越权探针工坊").param("node", node).param("c", district).param("at", at).update();
        long workshop = jdbc.sql("select max(id) from workshop where node_id = :node").param("node", node)
                .query(Long.class).single();
        jdbc.sql("insert into workshop_village (workshop_id, village_id) values (:w, :node)").param("w", workshop)
                .param("node", node).update();
        jdbc.sql("insert into workshop_ledger (workshop_id, ledger_month, employed, low_income, wages, sales, "
                        + "collective_income, source, entered_by, entered_at) values (:w, 202401, 5, 1, 10000, 20000, 500, "
                        + "'FORM', 'attack', :at)").param("w", workshop).param("at", at).update();
        String code = cn.zugong.talent.CreditCodes.of(true, "330999", (int) (workshop % 90_000_000) + 9_000_000);
        jdbc.sql("insert into workshop_enterprise (credit_code, name, created_at) values (:c, :n, :at)")
                .param("c", code).param("n", tag + "越权探针企业").param("at", at).update();
        long enterprise = jdbc.sql("select id from workshop_enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single();
        jdbc.sql("insert into workshop_pair (enterprise_id, village_id, county_id, since, content, status, created_by, "
                        + "created_at) values (:e, :node, :c, date '2024-01-01', :t, 'ACTIVE', 'attack', :at)")
                .param("e", enterprise).param("node", node).param("c", district).param("t", tag + "越权探针帮扶")
                .param("at", at).update();
        long pair = jdbc.sql("select max(id) from workshop_pair where village_id = :node").param("node", node)
                .query(Long.class).single();
        jdbc.sql("insert into workshop_company (name, county_id, registered_capital, created_by, created_at) "
                        + "values (:n, :c, 1000000, 'attack', :at)").param("n", tag + "越权探针强村公司")
                .param("c", district).param("at", at).update();
        long company = jdbc.sql("select id from workshop_company where name = :n").param("n", tag + "越权探针强村公司")
                .query(Long.class).single();
        jdbc.sql("insert into workshop_company_share (company_id, village_id, share_pct) values (:k, :node, 10)")
                .param("k", company).param("node", node).update();
        v.put(IdKind.WORKSHOP, String.valueOf(workshop));
        v.put(IdKind.WORKSHOP_PAIR, String.valueOf(pair));
        v.put(IdKind.WORKSHOP_COMPANY, String.valueOf(company));
    }
    // --- issue 18 workshops end

    // --- issue 19 training begin
    /** A training class of the unit (with a session and the probe person enrolled) and a 调研课题 with a problem. */
    private static void cadreTraining(JdbcClient jdbc, String tag, long district, long unit, long person,
                                      Map<IdKind, String> v) {
        java.sql.Timestamp at = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2026, 1, 5, 9, 0));
        jdbc.sql("insert into training_class (node_id, county_id, kind, name, starts_on, ends_on, planned_hours, "
                        + "capacity, created_at, created_by) values (:u, :d, 'MAIN', :n, date '2026-01-05', "
                        + "date '2026-01-30', 40, 50, :at, 'attack')")
                .param("u", unit).param("d", district).param("n", tag + "越权探针班次").param("at", at).update();
        long trainingClass = jdbc.sql("select max(id) from training_class where node_id = :u").param("u", unit)
                .query(Long.class).single();
        jdbc.sql("insert into training_session (class_id, held_on, title, hours) values (:c, date '2026-01-06', "
                + "'探针课程', 4)").param("c", trainingClass).update();
        long session = jdbc.sql("select max(id) from training_session where class_id = :c").param("c", trainingClass)
                .query(Long.class).single();
        jdbc.sql("insert into training_enrolment (class_id, person_id, enrolled_at, enrolled_by) values (:c, :p, :at, "
                + "'attack')").param("c", trainingClass).param("p", person).param("at", at).update();
        long enrolment = jdbc.sql("select max(id) from training_enrolment where class_id = :c").param("c", trainingClass)
                .query(Long.class).single();
        jdbc.sql("insert into research_topic (node_id, county_id, title, leader_id, leader_post, key_topic, starts_on, "
                        + "status, created_at, created_by) values (:u, :d, :t, :p, '县处级正职', true, date '2026-01-05', "
                        + "'OPEN', :at, 'attack')")
                .param("u", unit).param("d", district).param("t", tag + "越权探针课题").param("p", person).param("at", at)
                .update();
        long topic = jdbc.sql("select max(id) from research_topic where node_id = :u").param("u", unit)
                .query(Long.class).single();
        jdbc.sql("insert into research_problem (topic_id, description, found_on, solved, created_at, created_by) "
                + "values (:t, '探针问题', date '2026-01-06', false, :at, 'attack')").param("t", topic).param("at", at)
                .update();
        long problem = jdbc.sql("select max(id) from research_problem where topic_id = :t").param("t", topic)
                .query(Long.class).single();
        v.put(IdKind.TRAINING_CLASS, String.valueOf(trainingClass));
        v.put(IdKind.TRAINING_SESSION, String.valueOf(session));
        v.put(IdKind.TRAINING_ENROLMENT, String.valueOf(enrolment));
        v.put(IdKind.RESEARCH_TOPIC, String.valueOf(topic));
        v.put(IdKind.RESEARCH_PROBLEM, String.valueOf(problem));
    }
    // --- issue 19 training end

    // --- issue 20 annual begin
    /** A draft 这一年 review of the unit with one frozen figure (三事分流 matters) and one paragraph. */
    private static void annual(JdbcClient jdbc, String tag, long unit, Map<IdKind, String> v) {
        java.sql.Timestamp at = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2026, 1, 5, 9, 0));
        jdbc.sql("insert into annual_review (node_id, node_name, node_path, period_from, period_to, status, "
                        + "missing_modules, generated_at, generated_by) select id, name, path, date '2025-01-01', "
                        + "date '2025-12-31', 'DRAFT', '', :at, 'attack' from org_node where id = :u")
                .param("u", unit).param("at", at).update();
        long review = jdbc.sql("select max(id) from annual_review where node_id = :u").param("u", unit)
                .query(Long.class).single();
        jdbc.sql("insert into annual_review_figure (review_id, figure_key, name, source, measure, unit, phrase, kind, "
                        + "definition, this_value, last_value, seq) values (:r, 'matters', '三事分流议事事项', "
                        + "'deliberation.matters', 'raised', '件', 'EXACT', 'COUNT', :d, 3, 1, 0)")
                .param("r", review).param("d", tag + "探针口径").update();
        jdbc.sql("insert into annual_review_paragraph (review_id, section_key, seq, heading, body) values (:r, "
                + "'grassroots', 0, '探针', '群众议事{{matters}}。')").param("r", review).update();
        v.put(IdKind.ANNUAL_REVIEW, String.valueOf(review));
        v.put(IdKind.ANNUAL_FIGURE, "matters");
    }
    // --- issue 20 annual end
}
