package cn.zugong.talent.internal.services;

import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ServicesConfiguration {

    /** The catalogue file, read and checked once at start: a broken file stops the start with item and reason. */
    @Bean
    ServiceCatalogue talentServiceCatalogue() {
        return ServiceCatalogue.load();
    }

    /**
     * 码上办 applications on the closure workflow: owned by the handling unit, whose 专窗专员 (REPORTER) accepts
     * (受理), handles and finishes (办结) them; verification by a reviewer or administrator above. No 转办: an
     * application belongs to the unit the catalogue names.
     */
    @Bean
    ClosureKind talentServiceKind() {
        return ClosureKind.dispatchedByOwner(ServiceApplications.KIND)
                .onlyActions(ClosureAction.ASSIGN, ClosureAction.START, ClosureAction.PROGRESS, ClosureAction.RESOLVE,
                        ClosureAction.VERIFY, ClosureAction.REJECT, ClosureAction.CLOSE, ClosureAction.REOPEN,
                        ClosureAction.INSTRUCT, ClosureAction.ANSWER)
                .labelled(ClosureAction.ASSIGN, "受理", "受理说明")
                .labelled(ClosureAction.START, "开始办理", "办理措施")
                .labelled(ClosureAction.PROGRESS, "更新办理情况", "办理情况")
                .labelled(ClosureAction.RESOLVE, "办结", "办理结果");
    }
}
