package cn.zugong.demo.internal;

import cn.zugong.talent.TalentCodes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo 人才码: a code for every recognised talent (those the recognition step recognised already have theirs, issued
 * on its events; any talent with a level and no code gets one here), then some verifications through the public
 * API (valid codes, one tampered code, one text that is no code), one code revoked and one re-issued, whose old
 * code then fails as 已重新签发. Deterministic in what it does (the serials and signatures are random by design).
 * Without recognised talents it does nothing and says so.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TalentCodeDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentCodeDemo.class);
    static final String BY = "demo-talent-code";

    private final TalentCodes codes;
    private final TransactionTemplate tx;

    TalentCodeDemo(TalentCodes codes, PlatformTransactionManager transactions) {
        this.codes = codes;
        this.tx = new TransactionTemplate(transactions);
    }

    void load() {
        if (codes.issuedBy(BY)) {
            return;
        }
        long start = System.nanoTime();
        String done = tx.execute(status -> write());
        log.info("Demo 人才码: {} in {} ms", done, (System.nanoTime() - start) / 1_000_000);
    }

    private String write() {
        int issued = codes.issueForRecognised(BY).size();
        List<Long> talents = codes.talentsWithValidCode(40);
        if (talents.size() < 3) {
            return "no recognised talents (" + talents.size() + " with a code), nothing to show";
        }
        Map<String, Integer> results = new TreeMap<>();
        for (long t : talents.subList(0, Math.min(20, talents.size()))) {
            results.merge(codes.verify(codes.validCode(t)), 1, Integer::sum);
        }
        String sample = codes.validCode(talents.get(0));
        char last = sample.charAt(sample.length() - 2);
        String tampered = sample.substring(0, sample.length() - 2) + (last == 'A' ? 'B' : 'A') + sample.charAt(sample.length() - 1);
        results.merge(codes.verify(tampered), 1, Integer::sum);
        results.merge(codes.verify("https://example.com/not-a-talent-code"), 1, Integer::sum);
        long revoked = talents.get(talents.size() - 1);
        codes.revoke(revoked, "用人单位报告该人才已离职（演示）", BY);
        long reissued = talents.get(talents.size() - 2);
        String old = codes.validCode(reissued);
        codes.reissue(reissued, BY);
        results.merge(codes.verify(old), 1, Integer::sum);
        return issued + " codes issued here, " + talents.size() + " talents with a code sampled, verifications "
                + results + ", talent " + revoked + " revoked, talent " + reissued + " re-issued";
    }
}
