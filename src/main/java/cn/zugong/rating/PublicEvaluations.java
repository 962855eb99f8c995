package cn.zugong.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writing a 双述双评双比 campaign in bulk (the demo, migrations of a past campaign): the same rules and the same one
 * ballot box as the pages, without a signed-in user (the actor is named). Ballots go through the ballot box only.
 */
public interface PublicEvaluations {

    record NewCampaign(long nodeId, String schemeCode, String schemeVersion, int year, String name, Instant opensAt,
                       Instant closesAt) {
    }

    /** A subject: kind ORGANISATION (the 班子) or MEMBER (a 班子成员) of a village's party organisation. */
    record NewSubject(long orgNodeId, String kind, String name, String post, String gender, LocalDate birthDate,
                      String education, Long partyMemberId, String reportText) {
    }

    /** A rater: group PARTY_MEMBER or VILLAGER_REP. */
    record NewRater(long orgNodeId, String group, String raterNo, String name, Long partyMemberId) {
    }

    /** What a subject or rater row is, for the writer to refer to it. */
    record Ref(long id, long orgNodeId, String kind) {
    }

    /** One rater's sheet: subject id → grade code (absent = abstain). */
    record VoteSheet(long raterId, Map<Long, String> grades) {
    }

    record NewReserve(Long campaignId, long orgNodeId, String name, String gender, LocalDate birthDate,
                      String education, String recommendedBy, String note) {
    }

    long create(NewCampaign campaign, String actor);

    /** DRAFT → OPEN. */
    void open(long campaignId, String actor);

    /** OPEN → CLOSED (by hand), listing the subjects graded 差 on the adjustment list. */
    void close(long campaignId, String actor);

    void addSubjects(long campaignId, List<NewSubject> subjects);

    void addRaters(long campaignId, List<NewRater> raters);

    /** The party members of every village branch of the campaign as raters (numbers P + branch + seq); returns how many. */
    int addPartyMemberRaters(long campaignId);

    List<Ref> subjects(long campaignId);

    /** Raters: kind is the group. */
    List<Ref> raters(long campaignId);

    /** New one-time codes for the raters who have not voted (rater id → code, not kept). */
    Map<Long, String> issueCodes(long campaignId, Collection<Long> raterIds);

    /** Casts the sheets through the ballot box, online or from paper; returns the ballots written. */
    int cast(long campaignId, List<VoteSheet> sheets, boolean paper);

    /** The township's 评价: subject id → grade code. */
    void gradeByTownship(long campaignId, Map<Long, String> grades, String actor);

    /** Records the decision on a subject of the adjustment list (ADJUST, ORG_ACTION, ADMONISH, NONE). */
    void decide(long subjectId, String decision, String note, String actor);

    /** Subject ids on the adjustment list. */
    List<Long> adjustmentList(long campaignId);

    void nominate(List<NewReserve> reserve, String actor);
}
