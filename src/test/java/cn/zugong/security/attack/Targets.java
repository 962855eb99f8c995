package cn.zugong.security.attack;

import cn.zugong.IntegrationTest;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.shared.CurrentUser;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import cn.zugong.tickets.NewTicket;
import cn.zugong.tickets.ProblemTickets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the attacks aim at, made once per shared context: a probe person in a 普陀区 unit (outside the
 * scope of the 定海 callers) whose name and ID number must never show up in their answers, a person and a
 * unit in 定海区 whose names carry script, and a victim account for the administrators' routes.
 */
record Targets(long putuoUnit, long probePerson, String probeName, String probeIdNumber, String probeUnitName,
               long scriptPerson, long scriptUnit, long victimAccount, Map<String, Long> lighting,
               long rectificationItem, Map<String, Long> sanshi, Map<String, Long> service, long ticketItem) {

    static final String PROBE_NAME = "越权探针甲";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String SCRIPT_UNIT = "定海<img src=x onerror=alert(2)>局";
    static final String VICTIM = "attack-victim";

    private static Targets made;

    static synchronized Targets ensure(OrgBuilder builder, OrgTree tree, RosterWriter roster, Accounts accounts,
                                       JdbcClient jdbc, ClosureItems closure, ProblemTickets tickets) {
        if (made != null) {
            return made;
        }
        builder.addUnits(List.of(
                new NewUnit("330903", "330903A01", "普陀区越权探针局", 990, "行政机关", "县直", 10, List.of()),
                new NewUnit("330902", "330902A01", SCRIPT_UNIT, 990, "行政机关", "县直", 10, List.of())));
        OrgNode putuo = tree.byCode("330903A01").orElseThrow();
        OrgNode dinghai = tree.byCode("330902A01").orElseThrow();
        String probeId = IdNumbers.of("330903", LocalDate.of(1977, 7, 7), 771);
        List<PersonRow> saved = roster.save(List.of(
                person(putuo.id(), PROBE_NAME, probeId),
                person(dinghai.id(), SCRIPT_NAME, IdNumbers.of("330902", LocalDate.of(1977, 7, 7), 773))));
        long victim = accounts.create(new NewAccount(VICTIM, IntegrationTest.PASSWORD, "攻击目标账号", Role.LEADER,
                putuo.id()));
        made = new Targets(putuo.id(), saved.get(0).id(), PROBE_NAME, probeId, putuo.name(), saved.get(1).id(),
                dinghai.id(), victim, lighting(jdbc, tree.byCode("330903").orElseThrow().id(), putuo.id()),
                rectification(tree, jdbc, closure, putuo), sanshi(jdbc, tree.byCode("330903001001").orElseThrow().id()),
                service(jdbc, putuo.id()), ticket(tree, tickets, putuo));
        return made;
    }

    /** A problem ticket (问题清单) of the 普陀区 probe unit, raised by the city. */
    private static long ticket(OrgTree tree, ProblemTickets tickets, OrgNode putuo) {
        OrgNode city = tree.byCode("3309").orElseThrow();
        var setup = new CurrentUser(0, "attack-setup", "攻击准备", Role.ADMIN, city.asScope(), city.name());
        return tickets.raise(new NewTicket("OTHER", "HOTLINE", "attack/probe", putuo.id(), "越权探针问题",
                "越权探针问题描述", "探针请求人", "13905800777", null, null), setup).itemId();
    }

    /** 三事分流 probes: a routed matter of a 普陀区 community (named after the probe unit) and its planned sitting. */
    private static Map<String, Long> sanshi(JdbcClient jdbc, long putuoCommunity) {
        jdbc.sql("insert into deliberation_matter (community_node_id, title, raised_by, raised_on, kind, status, "
                + "registered_by, registered_at) values (:c, :t, '越权探针居民', current_date, 'PRIVATE', 'ROUTED', 'attack', "
                + "current_timestamp)").param("c", putuoCommunity).param("t", "普陀区越权探针局的私事").update();
        long matter = jdbc.sql("select max(id) from deliberation_matter where registered_by = 'attack'")
                .query(Long.class).single();
        jdbc.sql("insert into deliberation_meeting (community_node_id, level, meeting_date, status, created_by, created_at) "
                + "values (:c, 'GRID', current_date, 'PLANNED', 'attack', current_timestamp)").param("c", putuoCommunity)
                .update();
        long meeting = jdbc.sql("select max(id) from deliberation_meeting where created_by = 'attack'")
                .query(Long.class).single();
        return Map.of("matter", matter, "meeting", meeting);
    }

    /** A 整改 item of the 普陀区 probe unit, on the latest demo evaluation. */
    private static long rectification(OrgTree tree, JdbcClient jdbc, ClosureItems closure, OrgNode putuo) {
        OrgNode city = tree.byCode("3309").orElseThrow();
        var setup = new CurrentUser(0, "attack-setup", "攻击准备", Role.ADMIN, city.asScope(), city.name());
        long item = closure.register(new NewClosureItem("HEALTHCHECK_RECTIFICATION", "attack/probe", putuo.id(), "RED",
                "【红色预警】越权探针整改事项", null, LocalDate.now().plusDays(30)), setup).id();
        long evaluation = jdbc.sql("select max(id) from indicator_evaluation where status = 'DONE'").query(Long.class)
                .single();
        jdbc.sql("""
                insert into healthcheck_rectification (item_id, evaluation_id, unit_id, indicator_code, colour)
                values (:i, :e, :u, 'A0102', 'RED')
                """).param("i", item).param("e", evaluation).param("u", putuo.id()).update();
        return item;
    }

    /** 走访服务 probes: a cadre of the 普陀区 probe unit with an enterprise charge, a visit and its photo. */
    private static Map<String, Long> service(JdbcClient jdbc, long probeUnit) {
        jdbc.sql("insert into service_cadre (name, phone, node_id, cadre_type, created_by, created_at, updated_at) "
                + "values ('普陀探针干部', '13905800777', :u, 'WARM_ENTERPRISE', 'attack', current_timestamp, "
                + "current_timestamp)").param("u", probeUnit).update();
        long cadre = jdbc.sql("select id from service_cadre where node_id = :u").param("u", probeUnit)
                .query(Long.class).single();
        jdbc.sql("insert into service_enterprise (name, credit_code, industry, node_id, created_by, created_at) "
                + "values ('普陀越权探针水产有限公司', '91330903PROBE0001X', '水产加工', :u, 'attack', current_timestamp)")
                .param("u", probeUnit).update();
        long enterprise = jdbc.sql("select id from service_enterprise where credit_code = '91330903PROBE0001X'")
                .query(Long.class).single();
        jdbc.sql("insert into service_charge (cadre_id, target_kind, enterprise_id, valid_from, created_by, created_at) "
                + "values (:c, 'ENTERPRISE', :e, date '2026-01-01', 'attack', current_timestamp)").param("c", cadre)
                .param("e", enterprise).update();
        long charge = jdbc.sql("select id from service_charge where cadre_id = :c").param("c", cadre)
                .query(Long.class).single();
        jdbc.sql("insert into service_visit (cadre_id, charge_id, kind, visit_date, place, whom, notes, created_by, "
                + "created_at) values (:c, :ch, 'ENTERPRISE', date '2026-05-06', '探针企业', '越权探针甲', '探针走访', "
                + "'attack', current_timestamp)").param("c", cadre).param("ch", charge).update();
        long visit = jdbc.sql("select id from service_visit where cadre_id = :c").param("c", cadre)
                .query(Long.class).single();
        jdbc.sql("insert into service_visit_photo (visit_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) values (:v, 'probe.png', 'image/png', 3, 'probe', :b, 'attack', "
                + "current_timestamp)").param("v", visit).param("b", new byte[] {1, 2, 3}).update();
        long photo = jdbc.sql("select id from service_visit_photo where visit_id = :v").param("v", visit)
                .query(Long.class).single();
        return Map.of("cadre", cadre, "charge", charge, "visit", visit, "photo", photo);
    }

    private static PersonRow person(long unit, String name, String idNumber) {
        return new PersonRow(null, unit, name, "男", LocalDate.of(1977, 7, 7), idNumber, "13905800777", "汉族",
                "中共党员", "大学本科", "学士", null, null, "法学类", "公务员", "一级主任科员", LocalDate.of(2020, 1, 1),
                null, null, LocalDate.of(2000, 7, 1), LocalDate.of(2015, 3, 1), "考录", null, Map.of(), Map.of(),
                List.of(), List.of());
    }

    /** 亮灯台 probes: a 普陀区 list with a task led by the probe unit, its report and an attachment. */
    private static Map<String, Long> lighting(JdbcClient jdbc, long putuoDistrict, long probeUnit) {
        jdbc.sql("insert into lighting_list (code, name, list_year, domain, source, source_meeting, owner_node_id, open_day, "
                + "close_day, remind_days, blue_ratio, yellow_ratio, stall_months, points_green, points_blue, points_yellow, "
                + "points_purple, points_red, created_by) values ('PT-PROBE', '普陀区越权探针清单', 2026, '人才工作', '推进例会', "
                + "'普陀区探针例会', :o, 1, 10, 3, 1, 0.8, 2, 100, 90, 70, 40, 0, 'attack')").param("o", putuoDistrict).update();
        long list = jdbc.sql("select id from lighting_list where code = 'PT-PROBE'").query(Long.class).single();
        jdbc.sql("insert into lighting_task (list_id, code, title, lead_unit_id, weight, target_value, measure, plan, deadline) "
                + "values (:l, 'PT-1', '越权探针任务', :u, 1, 10, '人', '0,0,0,0,0,0,0,0,0,0,0,100', date '2026-12-31')")
                .param("l", list).param("u", probeUnit).update();
        long task = jdbc.sql("select id from lighting_task where list_id = :l").param("l", list).query(Long.class).single();
        jdbc.sql("insert into lighting_report (task_id, period, unit_id, actual_value, narrative, status, saved_by, saved_at, "
                + "submitted_by, submitted_at) values (:t, 202605, :u, 3, '越权探针进展', 'SUBMITTED', 'attack', "
                + "current_timestamp, 'attack', current_timestamp)").param("t", task).param("u", probeUnit).update();
        long report = jdbc.sql("select id from lighting_report where task_id = :t").param("t", task).query(Long.class).single();
        jdbc.sql("insert into lighting_attachment (report_id, file_name, content_type, size_bytes, content, uploaded_by, "
                + "uploaded_at) values (:r, 'probe.pdf', 'application/pdf', 3, :c, 'attack', current_timestamp)")
                .param("r", report).param("c", new byte[] {1, 2, 3}).update();
        long attachment = jdbc.sql("select id from lighting_attachment where report_id = :r").param("r", report)
                .query(Long.class).single();
        return Map.of("listId", list, "taskId", task, "reportId", report, "attachmentId", attachment);
    }

    /** The value of a path variable: the object of that kind outside the 定海 scope (codes are real ones). */
    String pathValue(String pattern, String variable) {
        if (pattern.contains("/lighting/") && lighting.containsKey(variable)) {
            return String.valueOf(lighting.get(variable));
        }
        if (pattern.startsWith("/service/cadres/")) {
            return String.valueOf(service.get(variable.equals("chargeId") ? "charge" : "cadre"));
        }
        if (pattern.startsWith("/service/visits/") || pattern.startsWith("/api/service/visits/")) {
            return String.valueOf(service.get(variable.equals("photoId") ? "photo" : "visit"));
        }
        if (variable.equals("code")) {
            return "A0102"; // an indicator of the default 数字体检 pack
        }
        return pathValue(pattern);
    }

    String pathValue(String pattern) {
        if (pattern.startsWith("/admin/")) {
            return String.valueOf(victimAccount);
        }
        if (pattern.startsWith("/tickets/") || pattern.startsWith("/api/tickets/")) {
            return String.valueOf(ticketItem);
        }
        if (pattern.contains("/deliberation/matters/")) {
            return String.valueOf(sanshi.get("matter"));
        }
        if (pattern.contains("/deliberation/meetings/")) {
            return String.valueOf(sanshi.get("meeting"));
        }
        if (pattern.contains("/rectifications/")) {
            return String.valueOf(rectificationItem);
        }
        if (pattern.contains("/people/")) {
            return String.valueOf(probePerson);
        }
        return String.valueOf(putuoUnit);
    }
}
