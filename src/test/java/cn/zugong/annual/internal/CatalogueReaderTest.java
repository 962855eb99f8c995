package cn.zugong.annual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.FigureSource;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue's checks at start-up (ADR 081), on small catalogues written here. */
class CatalogueReaderTest {

    private static final String FIGURES = """
            figures:
              - { key: a, name: 甲, source: m.one, measure: x, unit: 个, phrase: exact }
              - { key: b, name: 乙, source: m.two, measure: y, unit: 名, phrase: about }
            """;

    private static String catalogue(String sentence) {
        return FIGURES + """
                sections:
                  - key: s1
                    title: 第一节
                    chart: { figure: a, title: 甲 }
                    paragraphs:
                      - heading: 段
                        sentences:
                          - 第一句{a}。
                          - "%s"
                """.formatted(sentence);
    }

    @Test
    void aGoodCatalogueIsRead() {
        Catalogue c = CatalogueReader.read(catalogue("共{b}，{b.change}，精确{a.exact}。"));
        assertThat(c.figures()).extracting(Catalogue.Figure::key).containsExactly("a", "b");
        assertThat(c.figure("b").orElseThrow().phrase()).isEqualTo(Catalogue.Phrase.ABOUT);
        assertThat(c.sections().get(0).paragraphs().get(0).sentences()).hasSize(2);
    }

    @Test
    void anUnknownFigureKeyNamesTheSectionTheSentenceAndTheKey() {
        assertThatThrownBy(() -> CatalogueReader.read(catalogue("共{nope}。")))
                .hasMessageContaining("section 's1'").hasMessageContaining("sentence 2")
                .hasMessageContaining("共{nope}。").hasMessageContaining("unknown figure key 'nope'");
    }

    @Test
    void anUnknownPhrasingIsAnError() {
        assertThatThrownBy(() -> CatalogueReader.read(catalogue("共{b.rounded}。")))
                .hasMessageContaining("section 's1'").hasMessageContaining("sentence 2")
                .hasMessageContaining("unknown phrasing '{b.rounded}'");
        assertThatThrownBy(() -> CatalogueReader.read(FIGURES.replace("phrase: about", "phrase: roughly")
                + "sections: []\n")).hasMessageContaining("figure 'b' has an unknown phrasing 'roughly'");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> CatalogueReader.read(FIGURES
                + "  - { key: a, name: 丙, source: m.one, measure: z, unit: 个, phrase: exact }\nsections: []\n"))
                .hasMessageContaining("duplicate figure key 'a'");
    }

    @Test
    void aChartOfAnUnknownFigureIsAnError() {
        assertThatThrownBy(() -> CatalogueReader.read(catalogue("句。").replace("figure: a,", "figure: zz,")))
                .hasMessageContaining("section 's1'").hasMessageContaining("unknown figure 'zz'");
    }

    @Test
    void aRegisteredSourceLackingAMeasureIsAnErrorNamingBoth() {
        Catalogue c = CatalogueReader.read(catalogue("句。"));
        assertThatThrownBy(() -> new AnnualCatalogue(c, List.of(source("m.one", "other"))))
                .hasMessageContaining("figure 'a'").hasMessageContaining("measure 'x'")
                .hasMessageContaining("source 'm.one'");
    }

    @Test
    void anUnregisteredSourceIsNotAnErrorButAMissingModule() {
        Catalogue c = CatalogueReader.read(catalogue("句。") + "sources:\n  m.two: 第二模块\n");
        AnnualCatalogue annual = new AnnualCatalogue(c, List.of(source("m.one", "x")));
        assertThat(annual.available(c.figure("a").orElseThrow())).isTrue();
        assertThat(annual.available(c.figure("b").orElseThrow())).isFalse();
        assertThat(annual.missingModules()).containsExactly("第二模块");
    }

    @Test
    void theShippedCatalogueIsValid() {
        AnnualCatalogue annual = new AnnualCatalogue(List.of());
        assertThat(annual.catalogue().figures()).hasSize(60);
        assertThat(annual.missingModules()).contains("三事分流", "党员报到");
    }

    static FigureSource source(String id, String measure) {
        return new FigureSource() {
            public String id() {
                return id;
            }

            public List<Measure> measures() {
                return List.of(new Measure(measure, measure, "个", MeasureKind.COUNT, "口径"));
            }

            public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
                return Map.of(measure, BigDecimal.ONE);
            }

            public FigureRecords records(String m, OrgScope scope, LocalDate from, LocalDate to, CurrentUser user,
                                         int limit) {
                return new FigureRecords("", List.of(), List.of(), 1, BigDecimal.ONE);
            }

            public String page(OrgScope scope, LocalDate from, LocalDate to) {
                return "/";
            }
        };
    }
}
