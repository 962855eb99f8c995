package cn.zugong.audit.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.shared.web.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One ACCESS_DENIED entry per refused request (issue 12: cross-scope probes left no trace). The actor, the
 * role and the client address come from the request being refused, as for every entry.
 */
@Component
class RefusalAuditor {

    private final AuditWriter writer;

    RefusalAuditor(AuditWriter writer) {
        this.writer = writer;
    }

    @EventListener
    void refused(AccessRefused refusal) {
        writer.append(new AuditEvent(AuditAction.ACCESS_DENIED, refusal.objectType(), refusal.objectId(),
                refusal.describe(), null, null, null));
    }
}
