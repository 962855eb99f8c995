package cn.zugong.cadre.internal.frontline;

import cn.zugong.cadre.FrontlineForms.Method;
import cn.zugong.cadre.FrontlineForms.Outcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the pages and the API show of 一线考察 (values only; the store reads them). */
public final class FrontlineViews {

    private FrontlineViews() {
    }

    public record Kind(String code, String name) {
    }

    public record Campaign(long id, long nodeId, String nodeName, String nodePath, String name, String kind, String kindName,
                    LocalDate startsOn, LocalDate endsOn, String dimensionsText, String description, String status,
                    LocalDateTime closedAt, long teams, long cadres, long records) {
        public List<String> dimensions() {
            return Arrays.stream(dimensionsText.split("\\|")).filter(s -> !s.isBlank()).toList();
        }

        public boolean open() {
            return status.equals("OPEN");
        }

        public String statusLabel() {
            return open() ? "考察中" : "已结束";
        }

        public String period() {
            return startsOn + " 至 " + (endsOn == null ? "—" : endsOn.toString());
        }
    }

    public record Member(long personId, String name, String role) {
        public String roleLabel() {
            return role.equals("LEADER") ? "组长" : "成员";
        }
    }

    public record Team(long id, long campaignId, String name, List<Member> members, long cadres) {
        public String memberNames() {
            return String.join("、", members.stream().map(m -> m.name() + (m.role().equals("LEADER") ? "（组长）" : ""))
                    .toList());
        }
    }

    public record Cadre(long id, long campaignId, long teamId, String teamName, long personId, String name, long unitId,
                 String unitName, String unitPath, String outcome, String outcomeNote, long records,
                 List<Long> evidence) {
        public String outcomeLabel() {
            return outcome == null ? "待定" : Outcome.valueOf(outcome).label();
        }
    }

    public record Record(long id, long campaignId, long teamId, String teamName, long cadreId, long personId,
                  String cadreName, String unitName, String method, LocalDate recordedOn, String place, String seen,
                  String talkedTo, String summary, Map<String, Integer> ratings, List<Long> photoIds,
                  String createdBy, LocalDateTime createdAt) {
        public String methodLabel() {
            return Method.valueOf(method).label();
        }
    }

    public record Photo(long id, String fileName, String contentType, byte[] content, String sha256) {
    }

    /** A campaign with everything the campaign page and the report show. */
    public record Detail(Campaign campaign, List<Team> teams, List<Cadre> cadres, List<Record> records) {
        public long recordsBy(String method) {
            return records.stream().filter(r -> r.method().equals(method)).count();
        }

        public long outcomes(String outcome) {
            return cadres.stream().filter(c -> outcome == null ? c.outcome() == null : outcome.equals(c.outcome()))
                    .count();
        }

        public List<Cadre> withOutcome(String outcome) {
            return cadres.stream().filter(c -> outcome.equals(c.outcome())).toList();
        }

        public List<String> units() {
            return cadres.stream().map(Cadre::unitName).distinct().toList();
        }
    }
}
