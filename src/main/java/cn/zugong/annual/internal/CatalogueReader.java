package cn.zugong.annual.internal;

import cn.zugong.annual.internal.Catalogue.Chart;
import cn.zugong.annual.internal.Catalogue.Figure;
import cn.zugong.annual.internal.Catalogue.Paragraph;
import cn.zugong.annual.internal.Catalogue.Phrase;
import cn.zugong.annual.internal.Catalogue.Section;
import cn.zugong.shared.figures.FigureSource;
import cn.zugong.shared.figures.Measure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the catalogue's YAML and checks it: every template names known figures in known forms, keys are unique,
 * every registered source computes the measures the catalogue reads from it. A source that is not registered is not
 * an error: its figures are left out of the review. Errors name the section, the sentence and the key.
 */
final class CatalogueReader {

    private CatalogueReader() {
    }

    /** A catalogue that cannot be used; the application does not start with one. */
    static final class CatalogueException extends IllegalStateException {
        CatalogueException(String message) {
            super("annual/catalogue.yml: " + message);
        }
    }

    @SuppressWarnings("unchecked")
    static Catalogue read(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        if (root == null) {
            throw new CatalogueException("empty catalogue");
        }
        List<Figure> figures = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> f : list(root.get("figures"))) {
            String key = text(f, "key", "figure");
            if (!keys.add(key)) {
                throw new CatalogueException("duplicate figure key '" + key + "'");
            }
            String phrase = text(f, "phrase", "figure " + key);
            figures.add(new Figure(key, text(f, "name", "figure " + key), text(f, "source", "figure " + key),
                    text(f, "measure", "figure " + key), String.valueOf(f.getOrDefault("unit", "")),
                    Phrase.of(phrase).orElseThrow(() -> new CatalogueException(
                            "figure '" + key + "' has an unknown phrasing '" + phrase + "'"))));
        }
        List<Section> sections = new ArrayList<>();
        Set<String> sectionKeys = new HashSet<>();
        for (Map<String, Object> s : list(root.get("sections"))) {
            String key = text(s, "key", "section");
            if (!sectionKeys.add(key)) {
                throw new CatalogueException("duplicate section key '" + key + "'");
            }
            Chart chart = null;
            if (s.get("chart") instanceof Map<?, ?> c) {
                chart = new Chart(String.valueOf(c.get("figure")), String.valueOf(c.get("title")));
            }
            List<Paragraph> paragraphs = new ArrayList<>();
            for (Map<String, Object> p : list(s.get("paragraphs"))) {
                paragraphs.add(new Paragraph((String) p.get("heading"),
                        ((List<Object>) p.getOrDefault("sentences", List.of())).stream().map(String::valueOf).toList()));
            }
            sections.add(new Section(key, text(s, "title", "section " + key), (String) s.get("unavailable"), chart,
                    paragraphs));
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (root.get("sources") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> names.put(String.valueOf(k), String.valueOf(v)));
        }
        Catalogue catalogue = new Catalogue(figures, sections, names);
        checkTemplates(catalogue);
        return catalogue;
    }

    /** Every token of every sentence and every chart names a known figure in a known form. */
    static void checkTemplates(Catalogue catalogue) {
        Set<String> keys = catalogue.byKey().keySet();
        for (Section s : catalogue.sections()) {
            if (s.chart() != null && !keys.contains(s.chart().figure())) {
                throw new CatalogueException("section '" + s.key() + "': chart names an unknown figure '"
                        + s.chart().figure() + "'");
            }
            for (int p = 0; p < s.paragraphs().size(); p++) {
                List<String> sentences = s.paragraphs().get(p).sentences();
                for (int i = 0; i < sentences.size(); i++) {
                    String where = "section '" + s.key() + "' paragraph " + (p + 1) + " sentence " + (i + 1)
                            + " (" + sentences.get(i) + ")";
                    for (Tokens.Token t : Tokens.inTemplate(sentences.get(i))) {
                        if (!keys.contains(t.key())) {
                            throw new CatalogueException(where + ": unknown figure key '" + t.key() + "'");
                        }
                        if (t.form() == null) {
                            throw new CatalogueException(where + ": unknown phrasing '{" + t.text() + "}'");
                        }
                    }
                }
            }
        }
    }

    /** Each registered source computes every measure the catalogue reads from it. */
    static void checkSources(Catalogue catalogue, List<FigureSource> sources) {
        Map<String, FigureSource> byId = new LinkedHashMap<>();
        for (FigureSource s : sources) {
            if (byId.put(s.id(), s) != null) {
                throw new CatalogueException("two figure sources are registered as '" + s.id() + "'");
            }
        }
        for (Figure f : catalogue.figures()) {
            FigureSource source = byId.get(f.source());
            if (source == null) {
                continue;
            }
            Set<String> measures = source.measures().stream().map(Measure::key).collect(Collectors.toSet());
            if (!measures.contains(f.measure())) {
                throw new CatalogueException("figure '" + f.key() + "' reads measure '" + f.measure()
                        + "' which source '" + f.source() + "' (" + source.getClass().getSimpleName()
                        + ") does not declare; it declares " + measures);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static String text(Map<String, Object> map, String field, String what) {
        Object v = map.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new CatalogueException(what + " has no " + field);
        }
        return String.valueOf(v);
    }
}
