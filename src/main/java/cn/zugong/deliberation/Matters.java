package cn.zugong.deliberation;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.deliberation.internal.DeliberationRepository;
import cn.zugong.deliberation.internal.SanshiAccess;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Masking;
import cn.zugong.shared.Text;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.crypto.FieldCipher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 事项 of a community: registering them and the 三事归类单 — classifying each as 大事 / 小事 / 私事, which routes it
 * to the agenda of its level, and reclassifying it (with the reason) as long as no sitting has decided it.
 */
@Service
public class Matters {

    /** The kind of the matters on the shared closure workflow. */
    public static final String KIND = "SANSHI_MATTER";

    private static final String PHONE_AAD = "deliberation_matter.phone";

    private final DeliberationRepository repository;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final FieldCipher cipher;
    private final Clock clock;

    Matters(DeliberationRepository repository, OrgTree tree, AuditTrail audit, FieldCipher cipher, Clock clock) {
        this.repository = repository;
        this.tree = tree;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** 登记: a matter of a community inside the caller's scope, waiting to be classified. */
    @Transactional
    public Matter register(NewMatter input, CurrentUser user) {
        OrgNode community = SanshiAccess.community(tree, input.communityNodeId(), user);
        SanshiAccess.requireWorker(user);
        String title = Text.required(input.title(), "事项名称", 200);
        String raisedBy = Text.required(input.raisedBy(), "反映人", 50);
        String phone = Text.optional(input.phone(), "联系电话", 20);
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
            throw new ConflictException("联系电话格式不正确：只能包含数字、空格、+ 和 -");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate raisedOn = input.raisedOn() == null ? today : input.raisedOn();
        if (raisedOn.isAfter(today)) {
            throw new ConflictException("反映日期不能晚于今天：" + raisedOn);
        }
        long id = repository.insertMatter(new DeliberationRepository.MatterRow(community.id(), title,
                Text.optional(input.description(), "事项描述", 2000), raisedBy,
                phone == null ? null : cipher.encrypt(phone, PHONE_AAD), phone == null ? null : Masking.phone(phone),
                Text.optional(input.grid(), "所属网格", 100), raisedOn,
                Text.optional(input.evidence(), "佐证材料说明", 500), null,
                MatterStatus.PENDING, user.username(), LocalDateTime.now(clock)));
        Matter matter = repository.matter(id).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "deliberation_matter", String.valueOf(id),
                "登记三事分流事项：" + community.name() + " · " + title, null, snapshot(matter), null));
        return matter;
    }

    /**
     * 归类 (first time) or 重新归类: the kind and the reason (required) on the 三事归类单. The matter goes onto the
     * agenda of its level; reclassifying moves it to the other level's agenda. Refused once a sitting decided it.
     */
    @Transactional
    public Matter classify(long id, MatterKind kind, String reason, CurrentUser user) {
        Matter before = get(id, user);
        SanshiAccess.requireWorker(user);
        if (kind == null) {
            throw new ConflictException("请选择归类：大事、小事或私事");
        }
        String why = Text.required(reason, "归类理由", 1000);
        if (!before.classifiable()) {
            throw new ConflictException("事项已经" + (before.level() == null ? "" : before.level().label())
                    + "议定，不能重新归类");
        }
        if (kind == before.kind()) {
            throw new ConflictException("事项已归类为「" + kind.label() + "」，重新归类须选择其他类别");
        }
        if (!repository.classify(id, kind, before.status())) {
            throw new ConflictException("事项状态已被他人更改，请刷新后重试");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        repository.insertClassification(id, kind, before.kind(), why, user.username(), user.displayName(), now);
        Matter after = repository.matter(id).orElseThrow();
        audit.record(new AuditEvent(AuditAction.UPDATE, "deliberation_matter", String.valueOf(id),
                (before.kind() == null ? "三事归类：" : "重新归类：") + before.title() + " → " + kind.label() + "（"
                        + kind.level().label() + "），理由：" + why, snapshot(before), snapshot(after), null));
        return after;
    }

    /** The matter if the caller's scope covers its community; 404 otherwise. */
    public Matter get(long id, CurrentUser user) {
        SanshiAccess.requireReader(user);
        return repository.matter(id).filter(m -> user.scope().contains(m.communityPath()))
                .orElseThrow(() -> SanshiAccess.notFound("事项", id));
    }

    /** The matter's 三事归类单 lines, first classification first. */
    public List<Classification> sheet(long id, CurrentUser user) {
        return repository.classifications(get(id, user).id());
    }

    /** Every sitting that discussed the matter and what it recorded. */
    public List<Map.Entry<Meeting, Outcome>> deliberations(long id, CurrentUser user) {
        return repository.outcomesOfMatter(get(id, user).id());
    }

    /** Matters inside the scope, optionally of one community (in scope), kind and status; newest first. */
    public PageResult<Matter> find(Long communityId, MatterKind kind, MatterStatus status, Integer page, Integer size,
                                   CurrentUser user) {
        SanshiAccess.requireReader(user);
        if (communityId != null) {
            tree.get(communityId, user.scope());
        }
        return repository.page(user.scope(), communityId, kind, status, PageResult.clampPage(page),
                PageResult.clampSize(size));
    }

    private static Map<String, Object> snapshot(Matter m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("community", m.communityNodeId());
        s.put("title", m.title());
        s.put("raisedBy", m.raisedBy());
        s.put("phone", m.phoneMasked());
        s.put("grid", m.grid());
        s.put("raisedOn", String.valueOf(m.raisedOn()));
        s.put("kind", m.kind() == null ? null : m.kind().name());
        s.put("status", m.status().name());
        return s;
    }
}
