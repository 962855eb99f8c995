package cn.zugong.indicator.internal.rules;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A pack with the warning rules of one version: the pack file overlaid with each indicator's latest change
 * up to that version. Versions never change once written, so each (pack, version) is built once.
 */
@Component
public class EffectivePacks {

    /** The pack as the rules of {@code version} make it. */
    public record Effective(int version, LoadedPack pack) {
    }

    private record Key(PackId pack, int version) {
    }

    private final RuleRepository repository;
    private final Map<Key, LoadedPack> built = new ConcurrentHashMap<>();

    EffectivePacks(RuleRepository repository) {
        this.repository = repository;
    }

    /** The rules in force now (what the next evaluation uses). */
    public Effective current(LoadedPack base) {
        int version = repository.currentVersion(base.pack().id());
        return new Effective(version, at(base, version));
    }

    /** The rules an evaluation was computed with. */
    public LoadedPack forEvaluation(long evaluationId, LoadedPack base) {
        return at(base, repository.versionOf(evaluationId));
    }

    /** Writes the version an evaluation is computed with onto it. */
    public void stamp(long evaluationId, int version) {
        repository.stamp(evaluationId, version);
    }

    public LoadedPack at(LoadedPack base, int version) {
        if (version == 0) {
            return base;
        }
        return built.computeIfAbsent(new Key(base.pack().id(), version), k -> build(base, version));
    }

    private LoadedPack build(LoadedPack base, int version) {
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        base.pack().indicators().forEach(i -> byCode.put(i.code(), i));
        for (RuleRepository.Row row : repository.upTo(base.pack().id(), version)) {
            Indicator original = byCode.get(row.indicatorCode());
            if (original != null) {
                byCode.put(row.indicatorCode(), PackLoader.withRule(original, row.spec().legendMap(),
                        row.spec().adviceMap()));
            }
        }
        IndicatorPack p = base.pack();
        List<Indicator> indicators = List.copyOf(byCode.values());
        return new LoadedPack(new IndicatorPack(p.id(), p.name(), p.modules(), indicators), base.formulas());
    }
}
