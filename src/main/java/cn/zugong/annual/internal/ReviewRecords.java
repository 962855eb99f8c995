package cn.zugong.annual.internal;

import cn.zugong.annual.internal.Catalogue.Phrase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The stored review's rows. */
final class ReviewRecords {

    private ReviewRecords() {
    }

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";

    record Review(long id, long nodeId, String nodeName, String nodePath, LocalDate from, LocalDate to, String status,
                  List<String> missingModules, LocalDateTime generatedAt, String generatedBy, LocalDateTime editedAt,
                  String editedBy, LocalDateTime publishedAt, String publishedBy) {

        public boolean published() {
            return PUBLISHED.equals(status);
        }

        public String statusLabel() {
            return published() ? "已发布" : "草稿";
        }

        public String title() {
            boolean calendarYear = from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
            return nodeName + (calendarYear ? from.getYear() + "年" : from + "至" + to) + "组织工作回顾";
        }

        public String period() {
            return from + " 至 " + to;
        }
    }

    /** A figure frozen at generation: this period's value and the same span's a year earlier. */
    record FrozenFigure(String key, String name, String source, String measure, String unit, Phrase phrase,
                        String kind, String definition, BigDecimal value, BigDecimal previous) {

        public Catalogue.Figure figure() {
            return new Catalogue.Figure(key, name, source, measure, unit, phrase);
        }

        public String phrased() {
            return Phrasing.phrase(figure(), value);
        }

        public String previousPhrased() {
            return Phrasing.phrase(figure(), previous);
        }

        public String exact() {
            return Phrasing.exact(value);
        }

        public Optional<String> change() {
            return Phrasing.change(value, previous);
        }
    }

    record ChartRow(String sectionKey, long nodeId, String nodeName, BigDecimal value, BigDecimal previous) {
    }

    record StoredParagraph(long id, String sectionKey, int position, String heading, String body) {
    }
}
