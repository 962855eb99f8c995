package cn.zugong.talent;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.talent.internal.TalentStore;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talent registry's public API for other modules (the demo, imports of other systems): registers employers and
 * talents and links a talent's own account. Users change the registry through the talent pages, which check their
 * role and scope; this API trusts its caller, and audits every write under the caller's name.
 */
@Service
public class TalentRegistry {

    private final TalentStore store;
    private final AuditTrail audit;

    TalentRegistry(TalentStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    public long registerEmployer(NewEmployer employer, String by) {
        CreditCodes.problem(employer.creditCode()).ifPresent(p -> {
            throw new IllegalArgumentException(p + "：" + employer.name());
        });
        long id = store.insertEmployer(employer, by);
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_employer", String.valueOf(id),
                "登记用人单位：" + employer.name(), null, Map.of("creditCode", employer.creditCode()), null));
        return id;
    }

    @Transactional
    public long register(NewTalent talent, String by) {
        long id = store.insert(talent, by);
        audit.record(new AuditEvent(AuditAction.CREATE, "talent", String.valueOf(id), "登记人才：" + talent.name(), null,
                Map.of("node", talent.nodeId(), "category", talent.category(), "field", talent.field()), null));
        return id;
    }

    /** Links the talent's own account (role TALENT): that account then sees this talent and nothing else. */
    @Transactional
    public void linkAccount(long talentId, String username) {
        store.linkAccount(talentId, username);
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent", String.valueOf(talentId), "关联人才账号：" + username,
                null, Map.of("username", username), null));
    }

    /** Whether any talent was registered by {@code by} (the demo loads once). */
    public boolean registeredBy(String by) {
        return store.countCreatedBy(by) > 0;
    }
}
