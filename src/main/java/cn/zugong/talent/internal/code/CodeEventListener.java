package cn.zugong.talent.internal.code;

import cn.zugong.talent.TalentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues the code when a talent is recognised and revokes it when the recognition is withdrawn. Synchronous, in
 * the recognition's transaction (ADR 058): the code exists exactly when the recognition committed, and a failure
 * to sign rolls the decision back rather than leaving a recognised talent without a code.
 */
@Component
class CodeEventListener {

    private static final Logger log = LoggerFactory.getLogger(CodeEventListener.class);

    private final CodeService codes;

    CodeEventListener(CodeService codes) {
        this.codes = codes;
    }

    @EventListener
    void on(TalentEvents.Recognised e) {
        Code code = codes.issue(e.talentId(), e.level(), e.until(), null);
        log.debug("人才码 {} issued for talent {} (recognition case {})", code.serial(), e.talentId(), e.caseId());
    }

    @EventListener
    void on(TalentEvents.RecognitionRevoked e) {
        codes.revokeAll(e.talentId(), e.reason(), null);
    }
}
