package cn.zugong.party;

import cn.zugong.party.internal.mobile.MobileCounts;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * 流动党员 figures for a scope and a period (ADR 070): files and where they stand today, 三个一批 by kind and those
 * still unmanaged, contacts due and overdue (with the 督办 levels reached), lost contact, by county and destination;
 * and what happened in the period (contacts made, events). The figures page and the annual review (issue 20) read
 * this one computation. Counts only: no person is read.
 */
@Service
public class MobileFigures {

    /**
     * Today's standing of the files inside the scope: all files, those still active (在外/流入/失联), of them
     * outside the city, lost, managed by each kind, unmanaged; contacts overdue (by calendar day), at the 提醒 /
     * 黄牌 / 红牌 levels (by working days), due in the next 30 days; files returned or flowed out; open candidates.
     */
    public record Totals(long files, long active, long outsideCity, long lost, long workplace, long residence,
                         long regional, long unmanaged, long overdue, long reminder, long yellowCard, long redCard,
                         long dueSoon, long returned, long gone, long openCandidates) {
        public long managed() {
            return workplace + residence + regional;
        }
    }

    /** A county's (or the city level's) share: active files, managed, unmanaged, overdue, lost. */
    public record County(Long countyId, String name, long active, long managed, long unmanaged, long overdue,
                         long lost) {
    }

    /** A destination (the file's city) with its active members. */
    public record Destination(String name, long active) {
    }

    /** What happened in the period: contacts made, members contacted, events by kind. */
    public record Period(LocalDate from, LocalDate to, long contacts, long membersContacted,
                         Map<MobileEventKind, Long> events) {
    }

    /**
     * Where the files stood at the end of the period ({@code day}: the period's last day, today when it ends later),
     * replayed from their dated events: active (在外/流入/失联: left by then and the last state event up to that day
     * leaves them so) and, of them, managed by then (三个一批, from the day the managing organisation was set). This is
     * the figure a period quotes (the annual review); {@link Totals} is today's.
     */
    public record Standing(LocalDate day, long active, long managed) {
    }

    /** The whole set for one scope and period, as of {@code today}; {@code periodEnd}: the standing at its end. */
    public record Figures(LocalDate today, Totals totals, List<County> counties, List<Destination> destinations,
                          Period period, Standing periodEnd) {
    }

    private final MobileCounts counts;

    MobileFigures(MobileCounts counts) {
        this.counts = counts;
    }

    /** The figures of the scope; the period's from/to inclusive (null: the current year to today). */
    public Figures of(OrgScope scope, LocalDate from, LocalDate to) {
        return counts.of(scope, from, to);
    }
}
