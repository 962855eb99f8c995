package cn.zugong.cadre;

import cn.zugong.cadre.internal.young.EntryRules;
import cn.zugong.cadre.internal.young.YoungService;
import cn.zugong.people.YoungCadreRoster;
import cn.zugong.shared.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The 年轻干部 writes for other modules (the demo): the part's own service with its checks, transactions and audit
 * (ADR 078); nothing here bypasses a rule.
 */
@Service
public class YoungCadreRecords {

    private final YoungService young;
    private final EntryRules rules;

    YoungCadreRecords(YoungService young, EntryRules rules) {
        this.young = young;
        this.rules = rules;
    }

    /** The entry rule of a level (TOWNSHIP, COUNTY …) as the roster's criteria. */
    public YoungCadreRoster.Criteria criteria(String level) {
        return rules.of(level).criteria();
    }

    public long propose(CurrentUser user, long personId, String level, Integer cohort) {
        return young.propose(user, personId, level, cohort);
    }

    public void review(CurrentUser user, long id, boolean pass, String reason) {
        young.review(user, id, pass ? "PASS" : "FAIL", reason);
    }

    public void mentor(CurrentUser user, long id, long mentorPersonId) {
        young.mentor(user, id, mentorPersonId);
    }

    public long note(CurrentUser user, long id, String metOn, String content) {
        return young.note(user, id, metOn, content);
    }

    public long openPosting(CurrentUser user, long id, String kind, String hostUnit, String post, String startsOn,
                            String endsOn) {
        return young.openPosting(user, id, kind, hostUnit, post, startsOn, endsOn);
    }

    public void endPosting(CurrentUser user, long postingId, String grade, String comment) {
        young.endPosting(user, postingId, grade, comment);
    }

    public void exit(CurrentUser user, long id, String reason) {
        young.exit(user, id, reason);
    }

    public int rank(CurrentUser user, int year) {
        return young.rank(user, year);
    }
}
