package cn.zugong.audit.internal;

import cn.zugong.audit.internal.AuditVerifier;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.stereotype.Service;

/** Verification of the audit trail's hash chain: is it intact, and if not, where does it break. */
@Service
public class AuditChain {

    private final AuditVerifier verifier;

    AuditChain(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    /** Re-computes every entry's hash in id order (streamed) and compares it with the chain and its head. */
    public Verification verify() {
        return verifier.verify();
    }

    /** Why the chain is broken at an entry. */
    public enum Reason {
        HASH_MISMATCH("内容与哈希不符（条目被修改）"),
        PREV_HASH_MISMATCH("前序哈希不符（前一条目被修改或替换）"),
        GAP("序号缺失（条目被删除）"),
        HEAD_MISMATCH("与链头记录不符（末尾条目被删除、添加或替换）");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The outcome: {@code entries} checked; when broken, {@code brokenAt} is the id of the first entry that
     * does not verify (for a gap, the first missing id) and {@code reason} says why. When intact,
     * {@code headHash} is the last entry's hash: keep copies of it outside the database (ADR 005).
     */
    public record Verification(boolean intact, long entries, Long brokenAt, Reason reason, String headHash) {

        public static Verification ok(long entries, String headHash) {
            return new Verification(true, entries, null, null, headHash);
        }

        public static Verification broken(long entries, long at, Reason reason) {
            return new Verification(false, entries, at, reason, null);
        }

        /** The one-line form printed by the verification command. */
        public String line() {
            return intact ? "audit chain: intact, " + entries + " entries"
                    : "audit chain: BROKEN at entry " + brokenAt + " (" + reason.name().toLowerCase().replace('_', ' ')
                    + ")";
        }

        /** The result in Chinese, as on the auditor's page. */
        @JsonProperty("message")
        public String text() {
            return intact ? "审计链完整（共 " + entries + " 条）"
                    : "审计链自第 " + brokenAt + " 条起被篡改：" + reason.label();
        }
    }
}
