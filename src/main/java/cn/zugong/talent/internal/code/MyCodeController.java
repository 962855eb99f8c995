package cn.zugong.talent.internal.code;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The talent's own 人才码 page (role TALENT, phone first): the QR code, the level with its name and what it grants,
 * the validity. Only the talent linked to the account: there is no id in these routes to point elsewhere.
 */
@Controller
class MyCodeController {

    private final CodeService codes;
    private final TalentAccess access;
    private final Classification classification;
    private final Clock clock;

    MyCodeController(CodeService codes, TalentAccess access, Classification classification, Clock clock) {
        this.codes = codes;
        this.access = access;
        this.classification = classification;
        this.clock = clock;
    }

    @GetMapping("/talent/my")
    String my(CurrentUser user, Model model) {
        TalentRecord talent = access.own(user);
        Optional<Code> code = codes.own(user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("talent", talent);
        model.addAttribute("maskedName", Verification.maskName(talent.name()));
        model.addAttribute("code", code.orElse(null));
        model.addAttribute("level", code.flatMap(c -> classification.level(c.level()))
                .or(() -> talent.level() == null ? Optional.empty() : classification.level(talent.level())).orElse(null));
        model.addAttribute("expired", code.map(c -> c.expiredOn(today)).orElse(false));
        model.addAttribute("today", today);
        return "talent/my/code";
    }

    /** The QR of the own valid code as a PNG; 404 when there is none. */
    @GetMapping(value = "/talent/my/code.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> png(CurrentUser user) {
        Code code = codes.own(user).orElseThrow(() -> new NotFoundException("您还没有有效的人才码"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrImages.png(code.payload(), 320));
    }
}
