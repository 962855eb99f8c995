package cn.zugong.talent.internal.support;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.talent.internal.support.SupportRecords.Contact;
import cn.zugong.talent.internal.support.SupportRecords.Liaison;
import cn.zugong.talent.internal.support.SupportRecords.Member;
import cn.zugong.talent.internal.support.SupportRecords.Request;
import cn.zugong.talent.internal.support.SupportRecords.Served;
import cn.zugong.talent.internal.support.SupportRecords.TargetKind;
import cn.zugong.talent.internal.support.SupportRecords.Team;
import cn.zugong.tickets.TicketProgress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the pages and the API show. */
public final class SupportViews {

    private SupportViews() {
    }

    /** A 专班 with its counts; {@code problems} raised as 人才诉求, {@code solved} of them 办结. */
    public record TeamLine(Team team, long members, long served, long contacts, long problems, long solved) {
    }

    public record TeamView(Team team, List<Member> members, List<Served> served, List<Contact> contacts,
                           List<RequestView> requests) {
    }

    /**
     * A 人才诉求 with who raised it and where its ticket stands ({@code progress} null only if the ticket is gone).
     * {@code raiser}: the talent's or the employer's name.
     */
    public record RequestView(Request request, String raiser, String teamName, TicketProgress progress) {

        public String topicLabel() {
            return Topic.labelOf(request.topic());
        }

        /** The status in the talent's words. */
        public String statusLabel() {
            if (progress == null) {
                return "已提交";
            }
            return switch (progress.status()) {
                case REGISTERED -> "已受理";
                case ASSIGNED, IN_PROGRESS -> "办理中";
                case RESOLVED, VERIFIED -> "已办结";
                case CLOSED -> "已办结（已销号）";
            };
        }

        public boolean done() {
            return progress != null && progress.done();
        }

        /** The answer the talent sees: the resolution once 办结, else nothing. */
        public String answer() {
            return done() ? progress.answer() : null;
        }

        public ClosureStatus status() {
            return progress == null ? null : progress.status();
        }
    }

    /** One key talent, platform or project and its responsible leader (null: not covered). */
    public record CoverageRow(TargetKind kind, long id, String name, String detail, String nodeName, Liaison liaison,
                              LocalDate lastContact, long contacts) {
        public boolean covered() {
            return liaison != null;
        }
    }

    /** Totals per kind: {@code [total, covered]}, over everything in scope; {@code rows} as filtered. */
    public record Coverage(List<CoverageRow> rows, Map<TargetKind, long[]> totals, String kind, String covered,
                           Long nodeId) {

        public long total() {
            return totals.values().stream().mapToLong(t -> t[0]).sum();
        }

        public long coveredCount() {
            return totals.values().stream().mapToLong(t -> t[1]).sum();
        }

        /** Covered share in percent, one decimal; null when there is nothing to cover. */
        public String rate(TargetKind k) {
            long[] t = totals.get(k);
            return t == null || t[0] == 0 ? null : percent(t[1], t[0]);
        }

        public String overallRate() {
            return total() == 0 ? null : percent(coveredCount(), total());
        }
    }

    /** The figures page: problems per 专班, contacts, coverage. */
    public record Figures(String scopeName, List<TeamLine> teams, long problems, long solved, long contacts,
                          long otherProblems, long otherSolved, Coverage coverage, Map<String, long[]> byTopic) {
        public String solvedRate() {
            return problems + otherProblems == 0 ? null : percent(solved + otherSolved, problems + otherProblems);
        }
    }

    /** Solved share of a 专班's problems in percent; null when it has none. */
    public static String rate(long solved, long problems) {
        return problems == 0 ? null : percent(solved, problems);
    }

    static String percent(long part, long whole) {
        return java.math.BigDecimal.valueOf(part * 100L).divide(java.math.BigDecimal.valueOf(whole), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
