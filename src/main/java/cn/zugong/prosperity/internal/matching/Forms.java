package cn.zugong.prosperity.internal.matching;

import cn.zugong.prosperity.MatchingNewEngagement;
import cn.zugong.prosperity.MatchingNewNeed;
import cn.zugong.prosperity.MatchingNewOffer;
import cn.zugong.prosperity.MatchingNewOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The request records of the pages (skills as one text, split into tags) and of the API (skills as a list). The
 * service checks them (one place for both), with Chinese messages naming the field.
 */
final class Forms {

    private Forms() {
    }

    static int n(Integer v) {
        return v == null ? 0 : v;
    }

    static long id(Long v) {
        return v == null ? 0 : v;
    }

    record NeedForm(Long nodeId, String posterKind, String posterName, String title, String field,
                    String description, Long placeNodeId, @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                    @DateTimeFormat(iso = ISO.DATE) LocalDate to, Integer headcount, String skills) {
        MatchingNewNeed need() {
            return new MatchingNewNeed(id(nodeId), posterKind, posterName, title, field, description, id(placeNodeId),
                    from, to, n(headcount), Tags.parse(skills), null);
        }
    }

    record NeedRequest(Long nodeId, String posterKind, String posterName, String title, String field,
                       String description, Long placeNodeId, LocalDate from, LocalDate to, Integer headcount,
                       List<String> skills) {
        MatchingNewNeed need() {
            return new MatchingNewNeed(id(nodeId), posterKind, posterName, title, field, description, id(placeNodeId),
                    from, to, n(headcount), skills == null ? List.of() : skills, null);
        }
    }

    record OfferForm(Long nodeId, String kind, String name, String currentPost, Long personId, Long talentId,
                     List<String> fields, String skills, List<Long> placeNodeIds,
                     @DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                     String phone, String note) {
        MatchingNewOffer offer() {
            return new MatchingNewOffer(id(nodeId), kind, name, currentPost, personId, talentId,
                    fields == null ? List.of() : fields, Tags.parse(skills),
                    placeNodeIds == null ? List.of() : placeNodeIds, from, to, phone, note, null);
        }
    }

    record OfferRequest(Long nodeId, String kind, String name, String currentPost, Long personId, Long talentId,
                        List<String> fields, List<String> skills, List<Long> placeNodeIds, LocalDate from,
                        LocalDate to, String phone, String note) {
        MatchingNewOffer offer() {
            return new MatchingNewOffer(id(nodeId), kind, name, currentPost, personId, talentId,
                    fields == null ? List.of() : fields, skills == null ? List.of() : skills,
                    placeNodeIds == null ? List.of() : placeNodeIds, from, to, phone, note, null);
        }
    }

    record EngageForm(Long offerId, @DateTimeFormat(iso = ISO.DATE) LocalDate start,
                      @DateTimeFormat(iso = ISO.DATE) LocalDate end, String tasks) {
        MatchingNewEngagement engagement(long needId) {
            return new MatchingNewEngagement(needId, id(offerId), start, end, tasks);
        }
    }

    record OutcomeForm(@DateTimeFormat(iso = ISO.DATE) LocalDate recordedOn, String summary, Integer projects,
                       BigDecimal fundsYuan, Integer peopleTrained) {
        MatchingNewOutcome outcome() {
            return new MatchingNewOutcome(recordedOn, summary, n(projects), fundsYuan, n(peopleTrained));
        }
    }

    record RatingForm(String side, Integer stars, String comment) {
    }

    record CompleteForm(@DateTimeFormat(iso = ISO.DATE) LocalDate on) {
    }
}
