package cn.zugong.cadre.internal.care;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import java.util.List;

/** What the pages and the API submit (ADR 077); the same records bind form fields and JSON bodies. */
public final class CareForms {

    private CareForms() {
    }

    /** 容错纠错 申请. */
    public record NewCase(Long personId, String matter, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appliedOn) {
    }

    /** 核实: what the verification found. */
    public record Verify(String finding, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate verifiedOn) {
    }

    /** One 三个区分开来 criterion answered at 认定. */
    public record Check(Long criterionId, Boolean met, String note) {
    }

    /** 认定: the result, its note, the date and every criterion answered. */
    public record Decide(String result, String note, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn, List<Check> checks) {
    }

    /** 澄清正名. */
    public record NewClearance(Long personId, String report, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate clearedOn, String published, String reach) {
    }

    /** A 处理处分 of a cadre: starts the 暖心回访 schedule; the 影响期 follows from the kind unless given. */
    public record NewDiscipline(Long personId, String kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate influenceUntil,
                                String summary, Integer visitMonths) {
    }

    /** 暖心回访: one visit. */
    public record NewVisit(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn, String visitors, String content) {
    }

    /** Re-use of a disciplined cadre: the appointment record it came to. */
    public record NewReuse(Long disciplineId, Long appointmentId) {
    }

    /** 及时奖励 batch with its first items (may be empty: items are added later). */
    public record NewBatch(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn, String basis, List<NewItem> items) {
    }

    /** An item of a batch: a person or a unit (集体), with the reason. */
    public record NewItem(Long personId, Long unitId, String reason) {
    }

    /** 担当作为好干部 提名. */
    public record NewNomination(Long personId, String round, String deeds) {
    }

    /** 审核: passed or not, with a note. */
    public record Review(Boolean passed, String note) {
    }

    /** 公示: from a day, for that many working days (5 when not given). */
    public record Publicity(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Integer workdays) {
    }
}
