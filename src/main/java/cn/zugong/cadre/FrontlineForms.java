package cn.zugong.cadre;

import java.util.List;
import java.util.Map;

/**
 * The inputs of 一线考察 (issue 19, ADR 075) as pages, the API and the demo send them: text as typed (the service
 * checks and names the field in its refusal), ids as numbers.
 */
public final class FrontlineForms {

    private FrontlineForms() {
    }

    /** How a record was taken: 现场看 (what was seen), 一线访 (whom they talked to), 综合评 (the overall judgement). */
    public enum Method {
        SEE("现场看"), VISIT("一线访"), ASSESS("综合评");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The outcome per cadre: 先进 / 典型案例 / 一般 / 问题. */
    public enum Outcome {
        ADVANCED("先进"), CASE("典型案例"), ORDINARY("一般"), PROBLEM("问题");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** 先进, 典型案例 and 问题 rest on records (evidence) and say why; 一般 needs neither. */
        public boolean needsEvidence() {
            return this != ORDINARY;
        }
    }

    /** A campaign run by the office of {@code nodeId}; dimensions one per line or separated by 、/|. */
    public record CampaignForm(Long nodeId, String name, String kind, String startsOn, String endsOn,
                               String dimensions, String description) {
    }

    /** A 专项考核组: its name and its members, people of one unit of the roster (the first named leads it). */
    public record TeamForm(String name, Long unitId, List<Long> personIds) {
    }

    /** People of one unit assessed by a team of the campaign. */
    public record CadresForm(Long teamId, Long unitId, List<Long> personIds) {
    }

    /** An on-site record of an assessed cadre; ratings: dimension → score 1–5. */
    public record RecordForm(Long cadreId, String method, String recordedOn, String place, String seen,
                             String talkedTo, String summary, Map<String, String> ratings) {
    }

    /** The outcome of an assessed person of the campaign with the records it rests on. */
    public record OutcomeForm(Long personId, String outcome, String note, List<Long> evidence) {
    }
}
