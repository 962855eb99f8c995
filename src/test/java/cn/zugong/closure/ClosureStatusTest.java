package cn.zugong.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClosureStatusTest {

    @Test
    void theSetsSplitEveryStatusIntoWorkingAndDone() {
        assertThat(ClosureStatus.WORKING).containsExactly(ClosureStatus.REGISTERED, ClosureStatus.ASSIGNED,
                ClosureStatus.IN_PROGRESS);
        assertThat(ClosureStatus.DONE).containsExactly(ClosureStatus.RESOLVED, ClosureStatus.VERIFIED,
                ClosureStatus.CLOSED);
        for (ClosureStatus s : ClosureStatus.values()) {
            assertThat(s.working()).isEqualTo(ClosureStatus.WORKING.contains(s)).isNotEqualTo(
                    ClosureStatus.DONE.contains(s));
        }
    }

    @Test
    void rendersASetAsAnSqlInListInDeclarationOrder() {
        assertThat(ClosureStatus.sqlList(ClosureStatus.WORKING)).isEqualTo("'REGISTERED', 'ASSIGNED', 'IN_PROGRESS'");
        assertThat(ClosureStatus.sqlList(Set.of(ClosureStatus.CLOSED, ClosureStatus.RESOLVED)))
                .isEqualTo("'RESOLVED', 'CLOSED'");
        assertThat(ClosureStatus.CLOSED.sqlLiteral()).isEqualTo("'CLOSED'");
        assertThat(EnumSet.copyOf(ClosureStatus.DONE)).isEqualTo(EnumSet.range(ClosureStatus.RESOLVED,
                ClosureStatus.CLOSED));
    }
}
