package cn.zugong.annual.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review's catalogue (annual/catalogue.yml, ADR 081) as records: the figures with their source and phrasing, the
 * sections with their paragraphs of sentence templates and their chart, the Chinese names of the sources.
 */
record Catalogue(List<Figure> figures, List<Section> sections, Map<String, String> sourceNames) {

    Catalogue {
        figures = List.copyOf(figures);
        sections = List.copyOf(sections);
        sourceNames = Map.copyOf(sourceNames);
    }

    /** How a figure's number is written in a sentence. */
    enum Phrase {
        ABOUT("about"), EXACT("exact"), PERCENT("percent"), YUAN("yuan"), WHOLE_YUAN("wholeYuan");

        private final String yaml;

        Phrase(String yaml) {
            this.yaml = yaml;
        }

        static Optional<Phrase> of(String yaml) {
            for (Phrase p : values()) {
                if (p.yaml.equals(yaml)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    record Figure(String key, String name, String source, String measure, String unit, Phrase phrase) {
    }

    record Chart(String figure, String title) {
    }

    record Paragraph(String heading, List<String> sentences) {
        Paragraph {
            sentences = List.copyOf(sentences);
        }
    }

    record Section(String key, String title, String unavailable, Chart chart, List<Paragraph> paragraphs) {
        Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    Map<String, Figure> byKey() {
        Map<String, Figure> out = new LinkedHashMap<>();
        figures.forEach(f -> out.put(f.key(), f));
        return out;
    }

    Optional<Figure> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The Chinese name of a source ("cadre.frontline" → 大战大考一线考察), the id when the catalogue has none. */
    String sourceName(String source) {
        return sourceNames.getOrDefault(source, source);
    }
}
