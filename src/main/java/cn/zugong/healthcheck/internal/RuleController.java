package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.PackValidationException;
import cn.zugong.indicator.RuleSpec;
import cn.zugong.indicator.WarningRules;
import cn.zugong.org.PlatformAdmin;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 预警规则: platform administrators change an indicator's thresholds, direction and advice; each change is a version. */
@Controller
class RuleController {

    private static final String BASE = "/healthcheck/rules";
    private static final String ONLY_PLATFORM = "只有平台管理员（全市范围的组织部管理员）可以修改预警规则";

    private final WarningRules rules;
    private final IndicatorPacks packs;
    private final PlatformAdmin platform;

    RuleController(WarningRules rules, IndicatorPacks packs, PlatformAdmin platform) {
        this.rules = rules;
        this.packs = packs;
        this.platform = platform;
    }

    @GetMapping(BASE)
    String list(CurrentUser user, Model model) {
        platform.require(user, ONLY_PLATFORM);
        PackId id = packs.latest(HealthCheckViews.PACK).id();
        model.addAttribute("pack", rules.current(id));
        model.addAttribute("version", rules.currentVersion(id));
        model.addAttribute("changes", rules.changeCounts(id));
        return "healthcheck/rules";
    }

    @GetMapping(BASE + "/{code}")
    String rule(@PathVariable String code, CurrentUser user, Model model) {
        platform.require(user, ONLY_PLATFORM);
        PackId id = packs.latest(HealthCheckViews.PACK).id();
        Indicator indicator = indicator(id, code);
        return form(model, id, indicator, RuleSpec.of(indicator));
    }

    @PostMapping(BASE + "/{code}")
    String change(@PathVariable String code, RuleChange form, CurrentUser user, Model model, RedirectAttributes flash,
                  jakarta.servlet.http.HttpServletResponse response) {
        String direction = form.direction();
        String adviceRed = form.adviceRed();
        String adviceYellow = form.adviceYellow();
        String adviceBlue = form.adviceBlue();
        String adviceGreen = form.adviceGreen();
        String reason = form.reason();
        platform.require(user, ONLY_PLATFORM);
        PackId id = packs.latest(HealthCheckViews.PACK).id();
        Indicator indicator = indicator(id, code);
        RuleSpec spec = new RuleSpec(direction, null, null, null, null, null, adviceRed, adviceYellow, adviceBlue,
                adviceGreen);
        List<String> errors = new ArrayList<>();
        Thresholds t = new Thresholds(errors);
        RuleSpec parsed = new RuleSpec(direction, t.parse(form.red(), "红色阈值"), t.parse(form.yellow(), "黄色阈值"),
                t.parse(form.blue(), "蓝色阈值"), t.parse(form.low(), "区间下限"), t.parse(form.high(), "区间上限"),
                adviceRed, adviceYellow,
                adviceBlue, adviceGreen);
        if (errors.isEmpty()) {
            spec = parsed;
            try {
                var done = rules.change(id, code, "band".equals(direction) ? spec
                        : new RuleSpec(direction, spec.red(), spec.yellow(), spec.blue(), null, null, adviceRed,
                        adviceYellow, adviceBlue, adviceGreen), reason, user.username());
                flash.addFlashAttribute("message", "已保存为预警规则第 " + done.version() + " 版，下次体检起生效；此前的体检结果保持原规则。");
                return "redirect:" + BASE + "/" + code;
            } catch (PackValidationException e) {
                errors.addAll(e.errors());
            }
        } else {
            errors.addAll(WarningRules.reasonProblems(reason));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        return form(model, id, indicator, spec);
    }

    private String form(Model model, PackId id, Indicator indicator, RuleSpec spec) {
        model.addAttribute("indicator", indicator);
        model.addAttribute("spec", spec);
        model.addAttribute("version", rules.currentVersion(id));
        model.addAttribute("history", rules.history(id, indicator.code()));
        return "healthcheck/rule";
    }

    private Indicator indicator(PackId id, String code) {
        IndicatorPack pack = rules.current(id);
        return pack.indicator(code).orElseThrow(() -> new NotFoundException("指标不存在：" + code));
    }

    /**
     * Reads threshold fields as plain decimals within {@link WarningRules#MAX_THRESHOLD} and
     * {@link WarningRules#MAX_DECIMALS}, collecting a Chinese message per bad field. The text is checked before
     * it becomes a BigDecimal: {@code 1e999999} would otherwise print as a million digits on the page.
     */
    private record Thresholds(List<String> errors) {

        private static final int MAX_LENGTH = 24;
        private static final Pattern PLAIN = Pattern.compile("[+-]?[0-9]{1,15}(\\.[0-9]{1,15})?");
        private static final Pattern EXPONENT = Pattern.compile("[+-]?[0-9.]*[eE][+-]?[0-9]*");

        BigDecimal parse(String text, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String s = text.strip();
            if (s.length() > MAX_LENGTH) {
                return refuse(field + "过长：最多 " + MAX_LENGTH + " 个字符");
            }
            if (EXPONENT.matcher(s).matches()) {
                return refuse(field + "不能使用科学计数法（如 1e5），请直接填写数字，而不是「" + s + "」");
            }
            if (!PLAIN.matcher(s).matches()) {
                return refuse(field + "应为数字，而不是「" + s + "」");
            }
            BigDecimal value = new BigDecimal(s);
            if (value.abs().compareTo(WarningRules.MAX_THRESHOLD) > 0) {
                return refuse(field + "的绝对值不能超过 " + WarningRules.MAX_THRESHOLD.toPlainString() + "，而不是「" + s + "」");
            }
            if (value.stripTrailingZeros().scale() > WarningRules.MAX_DECIMALS) {
                return refuse(field + "最多 " + WarningRules.MAX_DECIMALS + " 位小数，而不是「" + s + "」");
            }
            return value;
        }

        private BigDecimal refuse(String message) {
            errors.add(message);
            return null;
        }
    }
}
