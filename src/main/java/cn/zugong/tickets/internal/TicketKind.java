package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureKind;
import cn.zugong.tickets.ProblemTickets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Problem tickets on the closure workflow: an administrator above the responsible unit dispatches a ticket. */
@Configuration(proxyBeanMethods = false)
class TicketKind {

    @Bean
    static ClosureKind problemTicketKind() {
        return ClosureKind.dispatchedFromAbove(ProblemTickets.KIND);
    }
}
