package cn.zugong.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writing whole yearly rounds at once, for the demo (and later imports of past years): the same tables, checks
 * and the one calculation ({@link RatingScheme#score}) as the review pages, in batches. Interactive work goes
 * through the pages and the API ({@code /ratings/rounds}, {@code /ratings/entries}).
 */
public interface RatingRounds {

    /**
     * One organisation's sheet and how far it went. {@code selfPoints}: points claimed per criterion (for a per-item
     * criterion the count, in {@code counts}); empty means not filled in yet (then {@code stage} is SELF).
     * {@code adjusted}: points the first review level changed, with {@code adjustReason}. {@code vetoes}: 一票否决
     * code → reason, recorded at the first review level. {@code stage}: where the sheet is now (SELF … DONE; a level
     * the organisation does not have counts as the next one it has). {@code returnedReason}: the sheet came back to
     * {@code stage} from the level above with this reason.
     */
    record SeedSheet(long orgNodeId, Map<String, BigDecimal> selfPoints, Map<String, BigDecimal> counts,
                     Map<String, BigDecimal> adjusted, String adjustReason, Map<String, String> vetoes, String stage,
                     String returnedReason) {
    }

    /** An objection raised during 公示 and its answer. */
    record SeedObjection(long orgNodeId, String raisedBy, String content, String answer, boolean upheld) {
    }

    /** Whether the node (by code) already runs a round of the scheme for the year. */
    boolean hasRound(String nodeCode, String schemeCode, int year);

    /** Opens a round with one entry per party organisation of the scheme's sectors under the node; its id. */
    long open(String nodeCode, String schemeCode, String schemeVersion, int year, LocalDate selfDue,
              LocalDate reviewDue, int publicityDays, String by, LocalDateTime at);

    /** Writes the sheets (scores, history, steps, results) of a round's entries in batches. */
    void seed(long roundId, List<SeedSheet> sheets, LocalDateTime at);

    /** 公示 from {@code from} for the round's working days, the objections answered, then published the day after. */
    void publish(long roundId, LocalDate from, List<SeedObjection> objections, String by);

    /** 摘星 after publication: the organisation's entry goes down to {@code stars}, with the reason. */
    void withdraw(long roundId, long orgNodeId, int stars, String reason, String by, LocalDateTime at);
}
