package cn.zugong.talent;

import cn.zugong.shared.CurrentUser;
import cn.zugong.talent.internal.grants.FactWriter;
import cn.zugong.talent.internal.grants.GrantRun;
import cn.zugong.talent.internal.grants.GrantRuns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 码上秒享's public API for other modules (the demo, feeds of other systems): records the facts a grant is computed
 * from and runs, reviews and pays a month as the given users. Users reach the same through the /talent/grants pages,
 * which check their role and scope; this API trusts its caller (the run's own rules — one open run per node and
 * month, four eyes, nothing paid twice — hold all the same).
 */
@Service
public class TalentBenefits {

    /** A talent as the facts need it: id, employer, arrival, recognised level (null: none). */
    public record TalentRef(long id, Long employerId, LocalDate arrivedOn, String level) {
    }

    public record House(long talentId, LocalDate contractDate, String address, BigDecimal area) {
    }

    public record Rental(long talentId, LocalDate from, LocalDate to, BigDecimal monthlyRent) {
    }

    public record Social(long talentId, YearMonth month, boolean paidInCity) {
    }

    public record Employment(long talentId, long employerId, LocalDate from, LocalDate to) {
    }

    private final FactWriter facts;
    private final GrantRuns runs;

    TalentBenefits(FactWriter facts, GrantRuns runs) {
        this.facts = facts;
        this.runs = runs;
    }

    /** The talents registered by {@code createdBy}, by id. */
    public List<TalentRef> talentsCreatedBy(String createdBy) {
        return facts.talentsCreatedBy(createdBy);
    }

    /** Adds facts (in batches, one transaction), audited under {@code by}. */
    public void record(List<House> houses, List<Rental> rentals, List<Social> social, List<Employment> employment,
                       String by) {
        facts.record(houses, rentals, social, employment, by);
    }

    /** Computes a month as {@code admin} (an ADMIN): the run's id. */
    public long computeMonth(YearMonth month, CurrentUser admin) {
        return runs.compute(month, admin).id();
    }

    public void approve(long runId, String note, CurrentUser reviewer) {
        runs.approve(runId, note, reviewer);
    }

    public void markPaid(long runId, CurrentUser admin) {
        runs.markPaid(runId, admin);
    }

    /** Whether any run exists (the demo loads once). */
    public boolean anyRun() {
        return facts.anyRun();
    }

    /** The run's line count and total, for logs. */
    public String summary(long runId, CurrentUser user) {
        GrantRun r = runs.run(runId, user);
        return r.periodLabel() + " " + r.lineCount() + " lines, " + r.totalAmount() + " yuan";
    }
}
