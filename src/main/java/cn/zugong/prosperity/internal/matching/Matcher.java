package cn.zugong.prosperity.internal.matching;

import cn.zugong.prosperity.MatchingScore;
import cn.zugong.shared.OrgScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ranks the offers for a need (ADR 072): the candidate set is read in four queries (the active offers the caller sees
 * that share the field or a skill, then their fields, skills and places), scored in memory by the declared rules,
 * sorted by total (then skills, place, earlier registration) and cut at the file's limit.
 */
@Component
public class Matcher {

    private final MatchingStore store;
    private final Scorer scorer;

    Matcher(MatchingStore store, MatchingScoreFile file) {
        this.store = store;
        this.scorer = new Scorer(file.rules());
    }

    public ScoreRules rules() {
        return scorer.rules();
    }

    public List<Rows.Candidate> rank(Rows.Need need, OrgScope scope) {
        Scorer.NeedProfile profile = profile(need);
        ScoreRules rules = scorer.rules();
        List<Rows.Offer> offers = store.candidates(scope, need.id(), rules.requireAny().contains("field"),
                rules.requireAny().contains("skills"));
        Map<String, String> names = store.fieldNames();
        Map<Long, Boolean> engagedHere = store.engagedOffers(need.id());
        Map<Long, Integer> busy = store.activeEngagements(offers.stream().map(Rows.Offer::id).toList());
        List<Rows.Candidate> out = new ArrayList<>(offers.size());
        for (Rows.Offer o : offers) {
            Scorer.OfferProfile op = profile(o);
            if (!scorer.candidate(profile, op)) {
                continue;
            }
            MatchingScore score = scorer.score(profile, op, c -> names.getOrDefault(c, c));
            boolean here = engagedHere.containsKey(o.id());
            out.add(new Rows.Candidate(o, score, here, busy.getOrDefault(o.id(), 0) - (here ? 1 : 0)));
        }
        out.sort(Comparator.comparing((Rows.Candidate c) -> c.score().total()).reversed()
                .thenComparing(c -> c.score().points("skills"), Comparator.reverseOrder())
                .thenComparing(c -> c.score().points("place"), Comparator.reverseOrder())
                .thenComparing(c -> c.offer().id()));
        return out.size() > rules.limit() ? List.copyOf(out.subList(0, rules.limit())) : out;
    }

    /** The score of one offer for one need (the engagement keeps the score it was chosen with). */
    public MatchingScore score(Rows.Need need, Rows.Offer offer) {
        Map<String, String> names = store.fieldNames();
        return scorer.score(profile(need), profile(offer), c -> names.getOrDefault(c, c));
    }

    static Scorer.NeedProfile profile(Rows.Need n) {
        return new Scorer.NeedProfile(n.field(), new HashSet<>(n.skills()), n.placePath(), n.from(), n.to());
    }

    static Scorer.OfferProfile profile(Rows.Offer o) {
        return new Scorer.OfferProfile(o.id(), new HashSet<>(o.fields()), new HashSet<>(o.skills()), o.placePaths(),
                o.from(), o.to());
    }
}
