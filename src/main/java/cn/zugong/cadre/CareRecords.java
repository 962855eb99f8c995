package cn.zugong.cadre;

import cn.zugong.closure.Escalation;
import cn.zugong.shared.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 激励关爱 writes (issue 19, ADR 077) for the pages, the API and the demo: each checks that the user is ADMIN or
 * 干部监督 (anyone else: 404), that the person, unit or record lies in the user's scope (404), the workflow's order
 * and rules (a Chinese reason naming what is wrong), writes in one transaction and audits. The records below are
 * what a form or a JSON body submits.
 */
public interface CareRecords {

    long apply(NewCase f, CurrentUser user);

    void verify(long caseId, Verify f, CurrentUser user);

    void decide(long caseId, Decide f, CurrentUser user);

    long clear(NewClearance f, CurrentUser user);

    long discipline(NewDiscipline f, CurrentUser user);

    void visit(long disciplineId, NewVisit f, CurrentUser user);

    Escalation dun(long disciplineId, CurrentUser user);

    long reuse(NewReuse f, CurrentUser user);

    long batch(NewBatch f, CurrentUser user);

    void item(long batchId, NewItem f, CurrentUser user);

    long nominate(NewNomination f, CurrentUser user);

    void review(long exemplarId, Review f, CurrentUser user);

    void publicize(long exemplarId, Publicity f, CurrentUser user);

    void publish(long exemplarId, CurrentUser user);

    /** Whether any care record exists (the demo skips when it does). */
    boolean any();

    /** 容错纠错 申请. */
    record NewCase(Long personId, String matter, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appliedOn) {
    }

    /** 核实: what the verification found. */
    record Verify(String finding, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate verifiedOn) {
    }

    /** One 三个区分开来 criterion answered at 认定. */
    record Check(Long criterionId, Boolean met, String note) {
    }

    /** 认定: the result, its note, the date and every criterion answered. */
    record Decide(String result, String note, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn, List<Check> checks) {
    }

    /** 澄清正名. */
    record NewClearance(Long personId, String report, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate clearedOn, String published, String reach) {
    }

    /** A 处理处分 of a cadre: starts the 暖心回访 schedule; the 影响期 follows from the kind unless given. */
    record NewDiscipline(Long personId, String kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate influenceUntil,
                                String summary, Integer visitMonths) {
    }

    /** 暖心回访: one visit. */
    record NewVisit(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn, String visitors, String content) {
    }

    /** Re-use of a disciplined cadre: the appointment record it came to. */
    record NewReuse(Long disciplineId, Long appointmentId) {
    }

    /** 及时奖励 batch with its first items (may be empty: items are added later). */
    record NewBatch(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn, String basis, List<NewItem> items) {
    }

    /** An item of a batch: a person or a unit (集体), with the reason. */
    record NewItem(Long personId, Long unitId, String reason) {
    }

    /** 担当作为好干部 提名. */
    record NewNomination(Long personId, String round, String deeds) {
    }

    /** 审核: passed or not, with a note. */
    record Review(Boolean passed, String note) {
    }

    /** 公示: from a day, for that many working days (5 when not given). */
    record Publicity(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Integer workdays) {
    }
}
