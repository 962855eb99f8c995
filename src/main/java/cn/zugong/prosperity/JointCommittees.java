package cn.zugong.prosperity;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 党建联建 (issue 18, ADR 073): joint party committees across organisations — a committee set up by an org node
 * (which scopes it), its member organisations (牵头单位 / 成员单位, some in the chair's rotation), its paired units
 * (结对单位), the rotating chair's terms (轮值书记, never overlapping), shared projects and their results. Every write
 * is an ADMIN's of the committee's scope, in one transaction, audited; organisations are named by their org codes.
 */
public interface JointCommittees {

    /** 联合党委, 功能型联合党委, 党建联盟. */
    enum Kind {
        JOINT("联合党委"), FUNCTIONAL("功能型联合党委"), ALLIANCE("党建联盟");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code nodeCode}: the org node that sets the committee up (the caller's scope node when null). */
    record NewCommittee(String nodeCode, String name, Kind kind, LocalDate foundedOn, String theme) {
    }

    /** {@code lead}: 牵头单位 (else 成员单位); {@code rotationOrder}: place in the chair's rotation, null if none. */
    record NewMember(String orgCode, boolean lead, Integer rotationOrder) {
    }

    /** A paired unit: a party organisation of the tree ({@code orgCode}) or a named outside body, never both. */
    record NewPair(String orgCode, String outsideName, String kind, LocalDate pairedOn) {
    }

    /** A term of the rotating chair, held by the secretary ({@code chairName}) of a member in the rotation. */
    record NewTerm(String orgCode, String chairName, LocalDate startsOn, LocalDate endsOn) {
    }

    record NewProject(String name, String leadOrgCode, List<String> partnerOrgCodes, LocalDate startsOn,
                      LocalDate endsOn, BigDecimal budgetYuan, String status) {
    }

    /** A result of a project: what was done on a date, with its figures (funds obtained, people served, 村集体增收). */
    record NewResult(LocalDate date, String summary, BigDecimal fundsYuan, Integer peopleServed,
                     BigDecimal incomeYuan) {
    }

    long create(NewCommittee committee, CurrentUser user);

    void addMember(long committeeId, NewMember member, CurrentUser user);

    long addPair(long committeeId, NewPair pair, CurrentUser user);

    long addTerm(long committeeId, NewTerm term, CurrentUser user);

    long addProject(long committeeId, NewProject project, CurrentUser user);

    long addResult(long projectId, NewResult result, CurrentUser user);

    /** How many committees the scope holds (the demo's idempotence check, the landing tiles). */
    long count(OrgScope scope);
}
