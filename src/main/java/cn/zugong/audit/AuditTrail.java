package cn.zugong.audit;

import cn.zugong.audit.internal.AuditWriter;
import org.springframework.stereotype.Service;

/**
 * The one audit trail. Every module records its writes and its reads of personal data here. An entry
 * is written in the caller's transaction when there is one, so a rolled-back change leaves no entry.
 */
@Service
public class AuditTrail {

    private final AuditWriter writer;

    AuditTrail(AuditWriter writer) {
        this.writer = writer;
    }

    public void record(AuditEvent event) {
        writer.append(event);
    }
}
