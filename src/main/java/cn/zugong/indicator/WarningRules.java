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
        Indicator after = PackLoader.withRule(before, spec.legendMap(), spec.adviceMap());
        RuleSpec stored = RuleSpec.of(after);
        int version = now.version() + 1;
        LocalDateTime at = LocalDateTime.now(clock);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
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
