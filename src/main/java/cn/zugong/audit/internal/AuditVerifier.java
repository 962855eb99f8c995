package cn.zugong.audit.internal;

import cn.zugong.audit.internal.AuditChain.Reason;
import cn.zugong.audit.internal.AuditChain.Verification;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-computes the chain entry by entry, in id order, from a streamed query (a cursor on PostgreSQL:
 * fetch size in a read-only transaction), so memory stays flat for any length of trail. Entries appended
 * while it runs are picked up before the head is compared.
 */
@Component
public class AuditVerifier {

    private static final int FETCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        this.jdbc = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Verification verify() {
        return readOnly.execute(status -> run());
    }

    private Verification run() {
        State state = new State();
        for (int round = 0; round < 5; round++) {
            Verification broken = scan(state);
            if (broken != null) {
                return broken;
            }
            Object[] head = jdbc.sql("select last_id, last_hash from audit_head where id = 1")
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
            long headId = (Long) head[0];
            if (headId == state.lastId) {
                return head[1].equals(state.lastHash) ? Verification.ok(state.count, state.lastHash)
                        : Verification.broken(state.count, Math.max(1, state.lastId), Reason.HEAD_MISMATCH);
            }
            if (headId < state.lastId) { // entries beyond the head: appended outside the writer
                return Verification.broken(state.count, headId + 1, Reason.HEAD_MISMATCH);
            }
            // headId > lastId: entries were appended meanwhile, or the last ones were deleted; look again
        }
        return Verification.broken(state.count, state.lastId + 1, Reason.HEAD_MISMATCH);
    }

    /** Checks the entries after {@code state.lastId}; null while everything verifies. */
    private Verification scan(State state) {
        try (Stream<AuditRecord> entries = jdbc.sql("select " + AuditRecord.COLUMNS
                        + " from audit_entry where id > :after order by id")
                .param("after", state.lastId).query(AuditRecord::map).stream()) {
            Iterator<AuditRecord> it = entries.iterator();
            while (it.hasNext()) {
                AuditRecord e = it.next();
                if (e.id() != state.lastId + 1) {
                    return Verification.broken(state.count, state.lastId + 1, Reason.GAP);
                }
                if (!state.lastHash.equals(e.prevHash())) {
                    return Verification.broken(state.count, e.id(), Reason.PREV_HASH_MISMATCH);
                }
                if (!AuditHashes.hash(e).equals(e.hash())) {
                    return Verification.broken(state.count, e.id(), Reason.HASH_MISMATCH);
                }
                state.lastId = e.id();
                state.lastHash = e.hash();
                state.count++;
            }
        }
        return null;
    }

    private static final class State {
        long lastId;
        String lastHash = AuditHashes.GENESIS;
        long count;
    }
}
