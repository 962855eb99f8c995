package cn.zugong.indicator;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import cn.zugong.indicator.internal.pack.PackRegistry;
import cn.zugong.indicator.internal.rules.EffectivePacks;
import cn.zugong.indicator.internal.rules.RuleRepository;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warning rules (预警规则) of the indicators: thresholds, direction and advice, edited in the UI.
 * Each change is a new version, validated by the same code as the pack files, audited with before and
 * after, and used from the next evaluation on; every evaluation keeps the version it was computed with.
 * Who may change them is the caller's decision (the health-check pages allow platform administrators).
 */
@Service
public class WarningRules {

    /** The largest threshold magnitude accepted: percentages, counts and years are far below it. */
    public static final BigDecimal MAX_THRESHOLD = new BigDecimal("1000000000");
    /** Decimals a threshold may have (the column is decimal(18, 4)). */
    public static final int MAX_DECIMALS = 4;
    public static final int REASON_MIN = 2;
    public static final int REASON_MAX = 500;

    private final PackRegistry packs;
    private final EffectivePacks effective;
    private final RuleRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    WarningRules(PackRegistry packs, EffectivePacks effective, RuleRepository repository, AuditTrail audit,
                 Clock clock) {
        this.packs = packs;
        this.effective = effective;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public int currentVersion(PackId pack) {
        return repository.currentVersion(pack);
    }

    /** The pack with the rules in force now. */
    public IndicatorPack current(PackId pack) {
        return effective.current(packs.get(pack)).pack().pack();
    }

    /** The rules version the evaluation was computed with (0: the pack file's own). */
    public int versionOf(Evaluation evaluation) {
        return repository.versionOf(evaluation.id());
    }

    /** The pack with the rules the evaluation was computed with. */
    public IndicatorPack packOf(Evaluation evaluation) {
        return effective.forEvaluation(evaluation.id(), packs.get(evaluation.pack())).pack();
    }

    /** The indicator with the legend and advice the evaluation was computed with. */
    public Indicator indicatorOf(Evaluation evaluation, String code) {
        return packOf(evaluation).indicator(code).orElseThrow(() -> new NotFoundException("指标不存在：" + code));
    }

    /**
     * Changes one indicator's rule: validated like a pack file (a {@link PackValidationException} lists each
     * problem in Chinese), stored as the next version, audited. Returns the change.
     */
    @Transactional
    public RuleChange change(PackId pack, String code, RuleSpec spec, String reason, String actor) {
        LoadedPack base = packs.get(pack);
        EffectivePacks.Effective now = effective.current(base);
        Indicator before = now.pack().pack().indicator(code)
                .orElseThrow(() -> new NotFoundException("指标不存在：" + code));
        Indicator after = validated(before, spec, reason);
        RuleSpec stored = RuleSpec.of(after);
        int version = now.version() + 1;
        LocalDateTime at = LocalDateTime.now(clock);
        String why = reason.strip();
        try {
            repository.insert(pack, version, code, stored, why, actor, at);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new cn.zugong.shared.ConflictException("预警规则刚被他人修改为第 " + version + " 版，请刷新页面后重新修改");
        }
        audit.record(new AuditEvent(AuditAction.CONFIG, "indicator_rule", pack + "/" + code,
                "修改预警规则：" + code + " " + before.name() + "（第 " + version + " 版）", RuleSpec.of(before), stored,
                null));
        return new RuleChange(pack, version, code, RuleSpec.of(before), stored, why, actor, at);
    }

    /** The rule applied to the indicator, or every problem with it and with the reason, in Chinese. */
    private static Indicator validated(Indicator before, RuleSpec spec, String reason) {
        List<String> errors = new ArrayList<>(reasonProblems(reason));
        errors.addAll(thresholdProblems(spec));
        try {
            Indicator after = PackLoader.withRule(before, spec.legendMap(), spec.adviceMap());
            if (errors.isEmpty()) {
                return after;
            }
        } catch (PackValidationException e) {
            errors.addAll(e.errors());
        }
        throw new PackValidationException("预警规则 " + before.code(), errors);
    }

    /**
     * What is wrong with a 修改理由: required (the history must say why a rule changed), 2–500 characters
     * after trimming (the column holds 500).
     */
    public static List<String> reasonProblems(String reason) {
        int length = reason == null ? 0 : reason.strip().codePointCount(0, reason.strip().length());
        if (length < REASON_MIN) {
            return List.of("修改理由不能为空：请填写 " + REASON_MIN + "–" + REASON_MAX + " 个字，说明为何修改预警规则");
        }
        if (length > REASON_MAX) {
            return List.of("修改理由不能超过 " + REASON_MAX + " 个字（现为 " + length + " 个字）");
        }
        return List.of();
    }

    /** Thresholds beyond what an indicator can mean or the table can hold (the UI parses text with the same bounds). */
    private static List<String> thresholdProblems(RuleSpec spec) {
        List<String> errors = new ArrayList<>();
        Map<String, BigDecimal> fields = new java.util.LinkedHashMap<>();
        fields.put("红色阈值", spec.red());
        fields.put("黄色阈值", spec.yellow());
        fields.put("蓝色阈值", spec.blue());
        fields.put("区间下限", spec.low());
        fields.put("区间上限", spec.high());
        fields.forEach((field, value) -> {
            if (value != null && value.abs().compareTo(MAX_THRESHOLD) > 0) {
                errors.add(field + "的绝对值不能超过 " + MAX_THRESHOLD.toPlainString());
            } else if (value != null && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                errors.add(field + "最多 " + MAX_DECIMALS + " 位小数");
            }
        });
        return errors;
    }

    /** Every version that changed the indicator, newest first, each with the rule before it. */
    public List<RuleChange> history(PackId pack, String code) {
        LoadedPack base = packs.get(pack);
        Indicator original = base.pack().indicator(code).orElseThrow(() -> new NotFoundException("指标不存在：" + code));
        RuleSpec previous = RuleSpec.of(original);
        List<RuleChange> out = new ArrayList<>();
        for (RuleRepository.Row row : repository.upTo(pack, Integer.MAX_VALUE)) {
            if (row.indicatorCode().equals(code)) {
                out.add(0, new RuleChange(pack, row.version(), code, previous, row.spec(), row.reason(),
                        row.changedBy(), row.changedAt()));
                previous = row.spec();
            }
        }
        return out;
    }

    /** Versions changed per indicator code (for the list of indicators). */
    public Map<String, Long> changeCounts(PackId pack) {
        Map<String, Long> counts = new java.util.HashMap<>();
        repository.upTo(pack, Integer.MAX_VALUE).forEach(r -> counts.merge(r.indicatorCode(), 1L, Long::sum));
        return counts;
    }
}
