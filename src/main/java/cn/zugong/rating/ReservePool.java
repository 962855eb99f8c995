package cn.zugong.rating;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * 优秀年轻后备人选 (ADR 062): the reserve pool of the villages and communities, nominated in a 双述双评双比 campaign
 * or later by a township or county. The roster and later ratings read it here; callers audit their reads.
 */
public interface ReservePool {

    /** A nominee: the village's party organisation, who, and who recommended. */
    record Candidate(long id, Long campaignId, long orgNodeId, String village, String name, String gender,
                     LocalDate birthDate, String education, String recommendedBy, String note) {

        public int age(LocalDate on) {
            return Period.between(birthDate, on).getYears();
        }
    }

    /** The active nominees whose village lies in the scope, by village then name. */
    List<Candidate> list(OrgScope scope);
}
