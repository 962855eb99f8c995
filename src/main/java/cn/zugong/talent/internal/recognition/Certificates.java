package cn.zugong.talent.internal.recognition;

import cn.zugong.report.PdfRenderer;
import cn.zugong.shared.ConflictException;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The 人才认定证书: a numbered PDF with the level and its validity, in the CJK font. */
@Component
class Certificates {

    private final TemplateEngine templates;
    private final PdfRenderer renderer;
    private final RecognitionRules rules;
    private final TalentStore talents;

    Certificates(TemplateEngine templates, PdfRenderer renderer, RecognitionRules rules, TalentStore talents) {
        this.templates = templates;
        this.renderer = renderer;
        this.rules = rules;
        this.talents = talents;
    }

    byte[] pdf(Case c) {
        if (c.status() != Status.DECIDED && c.status() != Status.REVOKED || c.certificateNo() == null) {
            throw new ConflictException("案件尚未认定，没有证书");
        }
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("c", c);
        ctx.setVariable("level", rules.classification().level(c.level()).orElseThrow());
        ctx.setVariable("talent", talents.find(c.talentId()).orElseThrow());
        ctx.setVariable("field", rules.classification().field(c.talentField()).map(f -> f.name()).orElse(""));
        return renderer.render(templates.process("talent/recognition/certificate-pdf", ctx));
    }
}
