package cn.zugong.talent;

import cn.zugong.talent.internal.code.CodeService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The 人才码's public API for other modules (the demo): issue codes for recognised talents, re-issue, revoke, verify.
 * Users reach the codes through the talent pages, which check role and scope; this API trusts its caller and audits
 * under the name it is given. See docs/adr/058-talent-code-signature.md.
 */
@Service
public class TalentCodes {

    private final CodeService codes;

    TalentCodes(CodeService codes) {
        this.codes = codes;
    }

    /** Issues a code for every recognised talent (with a level) that has no valid one; returns their ids. */
    public List<Long> issueForRecognised(String by) {
        return codes.issueForRecognised(by);
    }

    /** Issues a new code for a recognised talent; the valid one, if any, is superseded. Returns the code's text. */
    public String reissue(long talentId, String by) {
        return codes.reissue(talentId, by);
    }

    /** Revokes the talent's valid code(s) with a reason; returns how many. */
    public int revoke(long talentId, String reason, String by) {
        return codes.revokeAll(talentId, reason, by);
    }

    /** The text of the talent's valid code, or null. */
    public String validCode(long talentId) {
        return codes.validText(talentId);
    }

    /** Verifies a code as the public API does (counted); returns "有效" or the reason (签名无效, 已过期 …). */
    public String verify(String text) {
        return codes.verify(text, "API").reason();
    }

    /** Talents with a valid code and no own account (demo material), lowest ids first. */
    public List<Long> talentsWithValidCode(int limit) {
        return codes.talentsWithValidCode(limit);
    }

    /**
     * Verifications per day between two days (inclusive), by outcome (VALID, BAD_SIGNATURE, EXPIRED …), newest day
     * first: the figures' "codes verified".
     */
    public Map<LocalDate, Map<String, Long>> verificationsPerDay(LocalDate from, LocalDate to) {
        return codes.checksPerDay(from, to);
    }

    /** Whether any code was ever issued by {@code by} (the demo loads once). */
    public boolean issuedBy(String by) {
        return codes.issuedBy(by);
    }
}
