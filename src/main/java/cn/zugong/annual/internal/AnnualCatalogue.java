package cn.zugong.annual.internal;

import cn.zugong.annual.internal.Catalogue.Figure;
import cn.zugong.shared.figures.FigureSource;
import cn.zugong.shared.figures.Measure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The catalogue as the application runs with it: read and checked at start-up against the figure sources the
 * platform registers (a bad catalogue stops the start), with the sources found by id.
 */
@Component
class AnnualCatalogue {

    private final Catalogue catalogue;
    private final Map<String, FigureSource> sources = new LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    AnnualCatalogue(List<FigureSource> sources) {
        this(load(), sources);
    }

    AnnualCatalogue(Catalogue catalogue, List<FigureSource> sources) {
        CatalogueReader.checkSources(catalogue, sources);
        this.catalogue = catalogue;
        sources.forEach(s -> this.sources.put(s.id(), s));
    }

    private static Catalogue load() {
        try (InputStream in = AnnualCatalogue.class.getResourceAsStream("/annual/catalogue.yml")) {
            return CatalogueReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Catalogue catalogue() {
        return catalogue;
    }

    Optional<FigureSource> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    boolean available(Figure f) {
        return sources.containsKey(f.source());
    }

    Measure measure(Figure f) {
        return sources.get(f.source()).measures().stream().filter(m -> m.key().equals(f.measure())).findFirst()
                .orElseThrow();
    }

    /** The Chinese names of the sources the catalogue reads that the platform does not register, in order. */
    List<String> missingModules() {
        Set<String> out = new LinkedHashSet<>();
        catalogue.figures().stream().filter(f -> !available(f)).forEach(f -> out.add(catalogue.sourceName(f.source())));
        return List.copyOf(out);
    }
}
