package cn.zugong.indicator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A versioned indicator pack (指标包): modules → categories → indicators, loaded from packs/*.yaml. */
public record IndicatorPack(PackId id, String name, List<PackModule> modules, List<Indicator> indicators) {

    public IndicatorPack {
        modules = List.copyOf(modules);
        indicators = List.copyOf(indicators);
    }

    public List<PackCategory> categories() {
        return modules.stream().flatMap(m -> m.categories().stream()).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Map<String, Indicator> indicatorsByCode() {
        return indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
    }
}
