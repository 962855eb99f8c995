package cn.zugong.indicator;

import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import cn.zugong.indicator.internal.pack.PackRegistry;
import java.util.List;
import org.springframework.stereotype.Service;

/** The indicator packs under classpath:packs/, validated at start-up. */
@Service
public class IndicatorPacks {

    private final PackRegistry registry;

    IndicatorPacks(PackRegistry registry) {
        this.registry = registry;
    }

    public List<IndicatorPack> all() {
        return registry.all().stream().map(LoadedPack::pack).toList();
    }

    public IndicatorPack get(PackId id) {
        return registry.get(id).pack();
    }

    /** The highest version of the pack code (e.g. "healthcheck"). */
    public IndicatorPack latest(String code) {
        return registry.latest(code).pack();
    }

    /**
     * Validates a pack text without installing it (for an editor, later): returns the pack or throws
     * {@link PackValidationException} listing every error with indicator code and formula position.
     */
    public IndicatorPack validate(String yaml, String sourceName) {
        return PackLoader.load(yaml, sourceName).pack();
    }
}
