package cn.zugong.annual.internal;

import cn.zugong.annual.internal.ReviewRecords.ChartRow;
import cn.zugong.annual.internal.ReviewRecords.FrozenFigure;
import cn.zugong.annual.internal.ReviewRecords.Review;
import java.util.List;
import java.util.Map;

/** A review as the pages and files show it: sections with their paragraphs, chart and note, the frozen figures. */
record ReviewView(Review review, List<SectionView> sections, Map<String, FrozenFigure> figures) {

    record SectionView(String key, String title, String note, ChartView chart, List<ParagraphView> paragraphs) {
    }

    /** A section's chart: its figure for each child node of the scope, this period and the previous. */
    record ChartView(String figureKey, String title, String unit, List<ChartRow> rows) {
    }

    /** A paragraph: stored body with tokens, in pieces (text, or a figure's key and its printed text). */
    record ParagraphView(long id, String heading, String body, List<Piece> pieces) {

        public String text() {
            StringBuilder out = new StringBuilder();
            pieces.forEach(p -> out.append(p.text()));
            return out.toString();
        }
    }

    record Piece(String text, String figureKey) {
    }

    /** The stored body with its tokens replaced by the figures as sentences print them. */
    static List<Piece> pieces(String body, Map<String, FrozenFigure> figures) {
        return Tokens.split(body).stream().map(p -> {
            if (p.token() == null) {
                return new Piece(p.text(), null);
            }
            FrozenFigure f = figures.get(p.token().key());
            if (f == null || p.token().form() == null) {
                return new Piece(p.token().stored(), null);
            }
            return switch (p.token().form()) {
                case VALUE -> new Piece(f.phrased(), f.key());
                case EXACT -> new Piece(f.exact(), f.key());
                case CHANGE -> new Piece(f.change().orElse(""), f.change().isPresent() ? f.key() : null);
            };
        }).toList();
    }
}
