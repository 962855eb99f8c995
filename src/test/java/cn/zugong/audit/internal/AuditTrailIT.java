package cn.zugong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.audit.internal.AuditChain.Reason;
import cn.zugong.audit.internal.AuditChain.Verification;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chain: each entry's prev_hash is the previous entry's hash; the hash re-computed from values read
 * back from the database equals the stored one; a modified, deleted or appended-by-hand entry is found.
 * Every tampering is undone before the test ends, so the other tests see an intact chain. A module test on a
 * database of its own (ADR 043): the chain holds this test's entries and nothing else.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import({TestDatabase.class, TestClock.Config.class})
class AuditTrailIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "audit_trail");
    }

    @Autowired AuditTrail trail;
    @Autowired AuditChain chain;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private List<AuditRecord> entries() {
        return jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_entry order by id").query(AuditRecord::map).list();
    }

    private long[] threeNewEntries() {
        long first = 0;
        for (int i = 0; i < 3; i++) {
            trail.record(new AuditEvent(AuditAction.UPDATE, "chain-test", "o" + i, "第 " + i + " 次修改 — ✓ 𠀀",
                    Map.of("v", i), Map.of("v", i + 1, "at", LocalDateTime.now(clock)), "chain-tester"));
            long id = jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
            first = i == 0 ? id : first;
        }
        return new long[] {first, first + 1, first + 2};
    }

    @Test
    void entriesAreChainedAndVerify() {
        long[] ids = threeNewEntries();
        List<AuditRecord> all = entries();
        assertThat(all).isNotEmpty().extracting(AuditRecord::objectType).containsOnly("chain-test");
        String previous = AuditHashes.GENESIS;
        long expectedId = 1;
        for (AuditRecord e : all) {
            assertThat(e.id()).isEqualTo(expectedId++);
            assertThat(e.prevHash()).as("prev_hash of %s", e.id()).isEqualTo(previous);
            assertThat(AuditHashes.hash(e)).as("hash re-computed from the stored values of %s", e.id()).isEqualTo(e.hash());
            previous = e.hash();
        }
        AuditRecord middle = all.stream().filter(e -> e.id() == ids[1]).findFirst().orElseThrow();
        assertThat(middle.actor()).isEqualTo("chain-tester");
        assertThat(middle.summary()).isEqualTo("第 1 次修改 — ✓ 𠀀");
        assertThat(middle.beforeJson()).isEqualTo("{\"v\":1}");
        assertThat(middle.at().getNano() % 1_000_000).isZero();

        Verification v = chain.verify();
        assertThat(v.intact()).as(v.line()).isTrue();
        assertThat(v.entries()).isGreaterThanOrEqualTo(all.size());
        assertThat(v.line()).startsWith("audit chain: intact, ");
    }

    @Test
    void aChangedEntryIsFoundAndRestoringItMakesTheChainIntactAgain() {
        long[] ids = threeNewEntries();
        long target = ids[1];
        String summary = jdbc.sql("select summary from audit_entry where id = :id").param("id", target)
                .query(String.class).single();
        try {
            jdbc.sql("update audit_entry set summary = '无害的说明' where id = :id").param("id", target).update();
            Verification v = chain.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(target);
            assertThat(v.reason()).isEqualTo(Reason.HASH_MISMATCH);
            assertThat(v.line()).isEqualTo("audit chain: BROKEN at entry " + target + " (hash mismatch)");
            assertThat(v.text()).isEqualTo("审计链自第 " + target + " 条起被篡改：" + Reason.HASH_MISMATCH.label());
        } finally {
            jdbc.sql("update audit_entry set summary = :s where id = :id").param("s", summary).param("id", target)
                    .update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aChangedEntryWithARecomputedHashBreaksTheNextLink() {
        long[] ids = threeNewEntries();
        AuditRecord e = entries().stream().filter(r -> r.id() == ids[0]).findFirst().orElseThrow();
        AuditRecord forged = new AuditRecord(e.id(), e.at(), "someone-else", e.actorRole(), e.clientIp(), e.action(),
                e.objectType(), e.objectId(), e.summary(), e.beforeJson(), e.afterJson(), e.prevHash(), null);
        try {
            jdbc.sql("update audit_entry set actor = 'someone-else', hash = :h where id = :id")
                    .param("h", AuditHashes.hash(forged)).param("id", e.id()).update();
            Verification v = chain.verify();
            assertThat(v.brokenAt()).isEqualTo(ids[1]);
            assertThat(v.reason()).isEqualTo(Reason.PREV_HASH_MISMATCH);
        } finally {
            jdbc.sql("update audit_entry set actor = :a, hash = :h where id = :id").param("a", e.actor())
                    .param("h", e.hash()).param("id", e.id()).update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void deletedEntriesAreFound() {
        long[] ids = threeNewEntries();
        for (long target : new long[] {ids[1], ids[2]}) {
            AuditRecord saved = entries().stream().filter(r -> r.id() == target).findFirst().orElseThrow();
            long last = jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
            try {
                jdbc.sql("delete from audit_entry where id = :id").param("id", target).update();
                Verification v = chain.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.brokenAt()).isEqualTo(target);
                // a hole in the middle is a gap; the last entry gone shows against the chain's head
                assertThat(v.reason()).isEqualTo(target == last ? Reason.HEAD_MISMATCH : Reason.GAP);
            } finally {
                restore(saved);
            }
            assertThat(chain.verify().intact()).isTrue();
        }
    }

    @Test
    void anEntryAddedBehindTheWritersBackIsFound() {
        threeNewEntries();
        AuditRecord last = entries().get(entries().size() - 1);
        AuditRecord extra = new AuditRecord(last.id() + 1, last.at(), "intruder", null, null, "DELETE", "x", "1", null,
                null, null, last.hash(), null);
        AuditRecord hashed = new AuditRecord(extra.id(), extra.at(), extra.actor(), null, null, extra.action(),
                extra.objectType(), extra.objectId(), null, null, null, extra.prevHash(), AuditHashes.hash(extra));
        try {
            restore(hashed);
            Verification v = chain.verify();
            assertThat(v.brokenAt()).isEqualTo(extra.id());
            assertThat(v.reason()).isEqualTo(Reason.HEAD_MISMATCH);
        } finally {
            jdbc.sql("delete from audit_entry where id = :id").param("id", extra.id()).update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    private void restore(AuditRecord e) {
        jdbc.sql("insert into audit_entry (" + AuditRecord.COLUMNS + ") values (:id, :at, :actor, :role, :ip, :action,"
                        + " :type, :objectId, :summary, :before, :after, :prev, :hash)")
                .param("id", e.id()).param("at", e.at()).param("actor", e.actor()).param("role", e.actorRole())
                .param("ip", e.clientIp()).param("action", e.action()).param("type", e.objectType())
                .param("objectId", e.objectId()).param("summary", e.summary()).param("before", e.beforeJson())
                .param("after", e.afterJson()).param("prev", e.prevHash()).param("hash", e.hash()).update();
    }
}
