package cn.zugong.prosperity.internal.joint;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.prosperity.JointCommittees;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of 党建联建 (ADR 073). Order of refusals: the role (403: only ADMIN writes), then the committee's scope
 * (404: outside answers as if absent), then the input (400, the message naming the field). A chair's term is added
 * under a row lock on its committee, so two concurrent terms cannot both pass the overlap check.
 */
@Service
class JointService implements JointCommittees {

    static final Set<String> PAIR_KINDS = Set.of("UNIT", "ENTERPRISE", "ASSOCIATION", "OTHER");
    static final Set<String> STATUSES = Set.of("PLANNED", "ACTIVE", "DONE", "STOPPED");

    private final JointStore store;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final Clock clock;

    JointService(JointStore store, OrgTree tree, AuditTrail audit, Clock clock) {
        this.store = store;
        this.tree = tree;
        this.audit = audit;
        this.clock = clock;
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权访问党建联建");
        }
    }

    static void requireWriter(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权维护党建联建，须由组织部管理员操作");
        }
    }

    /** The committee in the caller's scope, else 404. */
    JointStore.Committee committee(long id, OrgScope scope) {
        return store.committee(id).filter(c -> scope.contains(c.nodePath()))
                .orElseThrow(() -> new NotFoundException("联建组织不存在或不在您的管理范围内：" + id));
    }

    @Override
    @Transactional
    public long create(NewCommittee c, CurrentUser user) {
        requireWriter(user);
        OrgNode node = c.nodeCode() == null || c.nodeCode().isBlank() ? tree.byId(user.scope().nodeId()).orElseThrow()
                : tree.byCode(c.nodeCode().strip()).filter(n -> user.scope().contains(n.path()))
                        .orElseThrow(() -> new BadRequestException("成立单位：组织代码 " + c.nodeCode()
                                + " 不存在或不在您的管理范围内"));
        String name = text(c.name(), "名称", 100);
        if (c.kind() == null) {
            throw new BadRequestException("类型：请选择联合党委、功能型联合党委或党建联盟");
        }
        if (c.foundedOn() == null) {
            throw new BadRequestException("成立日期：请填写");
        }
        if (store.committeeNamed(node.id(), name)) {
            throw new BadRequestException("名称：" + node.name() + " 已有名为“" + name + "”的联建组织");
        }
        long id = store.insertCommittee(node.id(), name, c.kind().name(), c.foundedOn(), optional(c.theme(), "主题", 500),
                user.username(), now());
        audit.record(AuditEvent.of(AuditAction.CREATE, "joint_committee", id, "成立" + c.kind().label() + "：" + name));
        return id;
    }

    @Override
    @Transactional
    public void addMember(long committeeId, NewMember m, CurrentUser user) {
        requireWriter(user);
        JointStore.Committee c = committee(committeeId, user.scope());
        OrgNode org = partyOrg(m.orgCode(), "成员单位", c.nodePath());
        if (store.isMember(committeeId, org.id())) {
            throw new BadRequestException("成员单位：" + org.name() + " 已是本联建组织的成员");
        }
        if (m.rotationOrder() != null && (m.rotationOrder() < 1 || m.rotationOrder() > 99)) {
            throw new BadRequestException("轮值顺序：应为 1 到 99 的整数");
        }
        if (m.rotationOrder() != null && store.rotationTaken(committeeId, m.rotationOrder())) {
            throw new BadRequestException("轮值顺序：第 " + m.rotationOrder() + " 位已有成员单位");
        }
        store.insertMember(committeeId, org.id(), m.lead() ? "LEAD" : "MEMBER", m.rotationOrder());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "joint_committee", committeeId,
                c.name() + " 增加" + (m.lead() ? "牵头单位" : "成员单位") + "：" + org.name()));
    }

    @Override
    @Transactional
    public long addPair(long committeeId, NewPair p, CurrentUser user) {
        requireWriter(user);
        JointStore.Committee c = committee(committeeId, user.scope());
        boolean byCode = p.orgCode() != null && !p.orgCode().isBlank();
        boolean byName = p.outsideName() != null && !p.outsideName().isBlank();
        if (byCode == byName) {
            throw new BadRequestException("结对单位：组织代码与单位名称二者填一项");
        }
        if (p.kind() == null || !PAIR_KINDS.contains(p.kind())) {
            throw new BadRequestException("结对单位类型：应为机关事业单位、企业、社会组织或其他");
        }
        if (p.pairedOn() == null) {
            throw new BadRequestException("结对日期：请填写");
        }
        Long orgId = null;
        String label;
        if (byCode) {
            OrgNode org = partyOrg(p.orgCode(), "结对单位", user.scope().path());
            if (store.isPaired(committeeId, org.id())) {
                throw new BadRequestException("结对单位：" + org.name() + " 已与本联建组织结对");
            }
            orgId = org.id();
            label = org.name();
        } else {
            label = text(p.outsideName(), "结对单位名称", 100);
        }
        long id = store.insertPair(committeeId, orgId, byCode ? null : label, p.kind(), p.pairedOn());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "joint_committee", committeeId, c.name() + " 结对：" + label));
        return id;
    }

    @Override
    @Transactional
    public long addTerm(long committeeId, NewTerm t, CurrentUser user) {
        requireWriter(user);
        JointStore.Committee c = committee(committeeId, user.scope());
        OrgNode org = partyOrg(t.orgCode(), "轮值单位", c.nodePath());
        if (!store.inRotation(committeeId, org.id())) {
            throw new BadRequestException("轮值单位：" + org.name() + " 不在本联建组织的轮值顺序中");
        }
        String chair = text(t.chairName(), "轮值书记", 50);
        if (t.startsOn() == null || t.endsOn() == null) {
            throw new BadRequestException("任期：请填写起止日期");
        }
        if (t.endsOn().isBefore(t.startsOn())) {
            throw new BadRequestException("任期：结束日期早于开始日期");
        }
        store.lockCommittee(committeeId); // the overlap check and the insert as one step per committee
        store.overlappingTerm(committeeId, t.startsOn(), t.endsOn()).ifPresent(other -> {
            throw new BadRequestException("任期：与 " + other + " 的任期重叠，轮值任期不得重叠");
        });
        long id = store.insertTerm(committeeId, org.id(), chair, t.startsOn(), t.endsOn());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "joint_committee", committeeId, c.name() + " 轮值书记：" + chair
                + "（" + org.name() + "，" + t.startsOn() + " 至 " + t.endsOn() + "）"));
        return id;
    }

    @Override
    @Transactional
    public long addProject(long committeeId, NewProject p, CurrentUser user) {
        requireWriter(user);
        JointStore.Committee c = committee(committeeId, user.scope());
        String name = text(p.name(), "项目名称", 100);
        OrgNode lead = member(committeeId, p.leadOrgCode(), "牵头成员", c.nodePath());
        Set<Long> partners = new LinkedHashSet<>();
        for (String code : p.partnerOrgCodes() == null ? List.<String>of() : p.partnerOrgCodes()) {
            if (code != null && !code.isBlank()) {
                long partner = member(committeeId, code, "合作成员", c.nodePath()).id();
                if (partner != lead.id()) {
                    partners.add(partner);
                }
            }
        }
        if (p.startsOn() == null) {
            throw new BadRequestException("开始日期：请填写");
        }
        if (p.endsOn() != null && p.endsOn().isBefore(p.startsOn())) {
            throw new BadRequestException("结束日期：早于开始日期");
        }
        if (p.budgetYuan() != null && p.budgetYuan().signum() < 0) {
            throw new BadRequestException("预算（元）：不能为负数");
        }
        String status = p.status() == null || p.status().isBlank() ? "ACTIVE" : p.status();
        if (!STATUSES.contains(status)) {
            throw new BadRequestException("状态：应为谋划中、实施中、已完成或已中止");
        }
        long id = store.insertProject(committeeId, name, lead.id(), p.startsOn(), p.endsOn(), p.budgetYuan(), status,
                new ArrayList<>(partners), user.username(), now());
        audit.record(AuditEvent.of(AuditAction.CREATE, "joint_project", id, c.name() + " 共建项目：" + name));
        return id;
    }

    @Override
    @Transactional
    public long addResult(long projectId, NewResult r, CurrentUser user) {
        requireWriter(user);
        JointStore.Project project = store.project(projectId)
                .orElseThrow(() -> new NotFoundException("共建项目不存在或不在您的管理范围内：" + projectId));
        committee(project.committeeId(), user.scope()); // 404 outside the scope, as the project were absent
        if (r.date() == null) {
            throw new BadRequestException("日期：请填写");
        }
        if (r.date().isBefore(project.startsOn())) {
            throw new BadRequestException("日期：早于项目开始日期 " + project.startsOn());
        }
        String summary = text(r.summary(), "成效内容", 1000);
        BigDecimal funds = amount(r.fundsYuan(), "争取资金（元）");
        BigDecimal income = amount(r.incomeYuan(), "村集体增收（元）");
        int people = r.peopleServed() == null ? 0 : r.peopleServed();
        if (people < 0) {
            throw new BadRequestException("服务群众（人次）：不能为负数");
        }
        long id = store.insertResult(projectId, r.date(), summary, funds, people, income, user.username(), now());
        audit.record(AuditEvent.of(AuditAction.CREATE, "joint_result", id, project.name() + " 成效：" + r.date()));
        return id;
    }

    @Override
    public long count(OrgScope scope) {
        return store.count(scope);
    }

    /** A party organisation of the tree by its code, inside {@code path}. */
    private OrgNode partyOrg(String code, String field, String path) {
        if (code == null || code.isBlank()) {
            throw new BadRequestException(field + "：请填写党组织的组织代码");
        }
        OrgNode org = tree.byCode(code.strip()).orElseThrow(() -> new BadRequestException(field + "：组织代码 "
                + code.strip() + " 不存在"));
        if (org.kind() != NodeKind.PARTY_ORG) {
            throw new BadRequestException(field + "：" + org.name() + " 不是党组织，请填写其党组织的代码");
        }
        if (!org.path().startsWith(path)) {
            throw new BadRequestException(field + "：" + org.name() + " 不在本联建组织（或您）的管理范围内");
        }
        return org;
    }

    private OrgNode member(long committeeId, String code, String field, String path) {
        OrgNode org = partyOrg(code, field, path);
        if (!store.isMember(committeeId, org.id())) {
            throw new BadRequestException(field + "：" + org.name() + " 不是本联建组织的成员单位");
        }
        return org;
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field + "：请填写");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new BadRequestException(field + "：最多 " + max + " 个字");
        }
        return v;
    }

    private static String optional(String value, String field, int max) {
        return value == null || value.isBlank() ? null : text(value, field, max);
    }

    private static BigDecimal amount(BigDecimal v, String field) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v.signum() < 0) {
            throw new BadRequestException(field + "：不能为负数");
        }
        if (v.scale() > 2 || v.compareTo(new BigDecimal("999999999999")) > 0) {
            throw new BadRequestException(field + "：金额过大或超过两位小数");
        }
        return v;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
