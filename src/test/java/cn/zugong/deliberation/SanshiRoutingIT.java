package cn.zugong.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 三事分流 routing: 大事 / 小事 / 私事 go to the agenda of 多方联席会议 / 家园理事会 / 网格议事会; the next sitting per
 * level follows the clock (quarterly / monthly / weekly); the agenda holds exactly the routed, undecided
 * matters of that community and level; 未议结 carries over; reclassification moves a matter between agendas
 * until a sitting decides it. Each test uses its own 嵊泗 community (no demo data there).
 */
@IntegrationTest
class SanshiRoutingIT {

    @Autowired Matters matters;
    @Autowired Meetings meetings;
    @Autowired OrgTree tree;
    @Autowired WorkCalendar calendar;
    @Autowired TestClock testClock;
    @Autowired Clock clock;

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    private CurrentUser reporterOf(OrgNode community) {
        return new CurrentUser(0, "sanshi-test", "社区填报员（测试）", Role.REPORTER, community.asScope(), community.name());
    }

    private OrgNode community(String code) {
        return tree.byCode(code).orElseThrow();
    }

    private Matter routed(OrgNode community, String title, MatterKind kind, CurrentUser user) {
        Matter m = matters.register(new NewMatter(community.id(), title, "测试事项", "王海英", "13905801234", "第1网格",
                null, null), user);
        return matters.classify(m.id(), kind, "按三事分流标准归类", user);
    }

    @Test
    void eachKindIsRoutedToTheAgendaOfItsLevel() {
        OrgNode c = community("330922100004");
        CurrentUser user = reporterOf(c);
        Matter big = routed(c, "海塘防护栏修缮", MatterKind.BIG, user);
        Matter small = routed(c, "楼道声控灯更换", MatterKind.SMALL, user);
        Matter own = routed(c, "邻里漏水纠纷", MatterKind.PRIVATE, user);
        assertThat(big.level()).isEqualTo(MeetingLevel.JOINT);
        assertThat(small.level()).isEqualTo(MeetingLevel.COUNCIL);
        assertThat(own.level()).isEqualTo(MeetingLevel.GRID);
        assertThat(own.status()).isEqualTo(MatterStatus.ROUTED);
        assertThat(own.phoneMasked()).isEqualTo("139****1234");
        assertThat(ids(meetings.agenda(c.id(), MeetingLevel.JOINT, user))).containsExactly(big.id());
        assertThat(ids(meetings.agenda(c.id(), MeetingLevel.COUNCIL, user))).containsExactly(small.id());
        assertThat(ids(meetings.agenda(c.id(), MeetingLevel.GRID, user))).containsExactly(own.id());
        assertThat(matters.sheet(own.id(), user)).singleElement()
                .satisfies(line -> assertThat(line.kind()).isEqualTo(MatterKind.PRIVATE));
        assertThatThrownBy(() -> matters.classify(own.id(), null, "没有类别", user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("请选择归类");
        assertThatThrownBy(() -> matters.classify(own.id(), MatterKind.SMALL, " ", user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("归类理由");
    }

    @Test
    void theNextSittingOfEachLevelFollowsTheClock() {
        OrgNode c = community("330922100200");
        CurrentUser user = reporterOf(c);
        for (int shift : new int[] {0, 3, 40}) {
            testClock.reset();
            testClock.advance(Duration.ofDays(shift));
            LocalDate today = LocalDate.now(clock);
            LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            LocalDate fifteenth = today.getDayOfMonth() <= 15 ? today.withDayOfMonth(15)
                    : today.plusMonths(1).withDayOfMonth(15);
            LocalDate quarter = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 3).withDayOfMonth(15);
            if (today.isAfter(quarter)) {
                quarter = quarter.plusMonths(3);
            }
            assertThat(meetings.next(c.id(), MeetingLevel.GRID, user).date()).as("weekly, +%d days", shift)
                    .isEqualTo(calendar.onOrNextWorkday(friday));
            assertThat(meetings.next(c.id(), MeetingLevel.COUNCIL, user).date()).as("monthly, +%d days", shift)
                    .isEqualTo(calendar.onOrNextWorkday(fifteenth));
            assertThat(meetings.next(c.id(), MeetingLevel.JOINT, user).date()).as("quarterly, +%d days", shift)
                    .isEqualTo(calendar.onOrNextWorkday(quarter));
        }
        testClock.reset();
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> meetings.create(c.id(), MeetingLevel.GRID, today.minusDays(40), null, user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不能早于");
        Meeting extra = meetings.create(c.id(), MeetingLevel.GRID, today, "党群服务中心", user);
        assertThat(meetings.next(c.id(), MeetingLevel.GRID, user).id()).isEqualTo(extra.id());
        Meeting moved = meetings.move(extra.id(), today.plusDays(1), "书记外出开会", user);
        assertThat(moved.date()).isEqualTo(today.plusDays(1));
        assertThatThrownBy(() -> meetings.move(extra.id(), today.plusDays(2), "", user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("调整理由");
        int added = meetings.generate(c.id(), today.getYear() + 1, user);
        assertThat(added).isBetween(4 + 12 + 52, 4 + 12 + 53);
        assertThat(meetings.generate(c.id(), today.getYear() + 1, user)).isZero();
    }

    @Test
    void theAgendaCollectsExactlyTheRoutedUndecidedMattersAndUnsettledOnesCarryOver() {
        OrgNode c = community("330922100201");
        OrgNode other = community("330922100202");
        CurrentUser user = reporterOf(c);
        Matter a = routed(c, "空调外机噪音扰邻", MatterKind.PRIVATE, user);
        Matter b = routed(c, "宠物犬扰民", MatterKind.PRIVATE, user);
        Matter s = routed(c, "路灯损坏报修", MatterKind.SMALL, user);
        Matter pending = matters.register(new NewMatter(c.id(), "尚未归类的事项", null, "李建国", null, null, null, null),
                user);
        routed(other, "别的社区的私事", MatterKind.PRIVATE, reporterOf(other));
        assertThat(ids(meetings.agenda(c.id(), MeetingLevel.GRID, user))).containsExactly(a.id(), b.id());
        assertThat(pending.status()).isEqualTo(MatterStatus.PENDING);

        LocalDate today = LocalDate.now(clock);
        Meeting future = meetings.create(c.id(), MeetingLevel.GRID, today.plusDays(2), null, user);
        assertThatThrownBy(() -> meetings.hold(future.id(), "网格员", List.of(), user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("未到");
        Meeting sitting = meetings.create(c.id(), MeetingLevel.GRID, today, "党群服务中心", user);
        assertThatThrownBy(() -> meetings.hold(sitting.id(), " ", List.of(), user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("参会人员");
        assertThatThrownBy(() -> meetings.hold(sitting.id(), "网格员", List.of(Outcome.decided(s.id(), "修", "物业",
                null, null)), user)).isInstanceOf(ConflictException.class).hasMessageContaining("不在本次网格议事会的议程中");
        assertThatThrownBy(() -> meetings.hold(sitting.id(), "网格员", List.of(Outcome.decided(a.id(), "协商", " ",
                null, true)), user)).isInstanceOf(ConflictException.class).hasMessageContaining("责任方");
        meetings.hold(sitting.id(), "网格员、楼道长、当事居民", List.of(Outcome.decided(a.id(), "双方协商移位外机",
                "网格员和当事居民", null, true)), user);

        assertThat(ids(meetings.agenda(c.id(), MeetingLevel.GRID, user))).containsExactly(b.id());
        Matter carried = matters.get(b.id(), user);
        assertThat(carried.carried()).isEqualTo(1);
        assertThat(carried.status()).isEqualTo(MatterStatus.ROUTED);
        Matter decided = matters.get(a.id(), user);
        assertThat(decided.status()).isEqualTo(MatterStatus.DECIDED);
        assertThat(decided.settledByResidents()).isTrue();
        assertThat(decided.closureStatus()).isEqualTo(ClosureStatus.RESOLVED);
        assertThat(meetings.outcomes(sitting.id(), user)).extracting(Outcome::matterId, Outcome::decided)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id(), true),
                        org.assertj.core.groups.Tuple.tuple(b.id(), false));
        assertThatThrownBy(() -> meetings.hold(sitting.id(), "再开一次", List.of(), user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已召开");

        // reclassification before deliberation moves the matter to the other level's agenda; after it is refused
        Matter moved = matters.classify(b.id(), MatterKind.SMALL, "涉及公共区域，属社区小事", user);
        assertThat(moved.level()).isEqualTo(MeetingLevel.COUNCIL);
        assertThat(meetings.agenda(c.id(), MeetingLevel.GRID, user)).isEmpty();
        assertThat(ids(meetings.agenda(c.id(), MeetingLevel.COUNCIL, user))).containsExactlyInAnyOrder(s.id(), b.id());
        assertThat(matters.sheet(b.id(), user)).extracting(Classification::kind, Classification::previousKind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MatterKind.PRIVATE, null),
                        org.assertj.core.groups.Tuple.tuple(MatterKind.SMALL, MatterKind.PRIVATE));
        assertThatThrownBy(() -> matters.classify(b.id(), MatterKind.SMALL, "同一类别", user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("须选择其他类别");
        assertThatThrownBy(() -> matters.classify(a.id(), MatterKind.BIG, "议定后想改", user))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不能重新归类");
    }

    private static List<Long> ids(List<Matter> list) {
        return list.stream().map(Matter::id).toList();
    }
}
