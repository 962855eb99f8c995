/**
 * The one audit trail (审计日志): append-only, hash-chained entries of every write, of reads of personal data and of
 * refused requests; the auditor's page and the chain's verification (docs/adr/005-audit-trail.md).
 * Public API, used by every module that writes: {@link cn.zugong.audit.AuditTrail} (record an entry in the
 * caller's transaction), {@link cn.zugong.audit.AuditEvent} and {@link cn.zugong.audit.AuditAction}.
 */
package cn.zugong.audit;
