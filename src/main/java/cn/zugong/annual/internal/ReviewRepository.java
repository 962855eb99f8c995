package cn.zugong.annual.internal;

import cn.zugong.annual.internal.ReviewRecords.ChartRow;
import cn.zugong.annual.internal.ReviewRecords.FrozenFigure;
import cn.zugong.annual.internal.ReviewRecords.Review;
import cn.zugong.annual.internal.ReviewRecords.StoredParagraph;
import cn.zugong.shared.OrgScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The annual_review tables. Lists are scoped on the review's node path. */
@Repository
class ReviewRepository {

    private static final String REVIEW = """
            select id, node_id, node_name, node_path, period_from, period_to, status, missing_modules, generated_at,
                   generated_by, edited_at, edited_by, published_at, published_by from annual_review""";

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long nodeId, String nodeName, String nodePath, LocalDate from, LocalDate to, List<String> missing,
                LocalDateTime at, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into annual_review (node_id, node_name, node_path, period_from, period_to, status,
                            missing_modules, generated_at, generated_by)
                        values (:node, :name, :path, :from, :to, 'DRAFT', :missing, :at, :by)""")
                .param("node", nodeId).param("name", nodeName).param("path", nodePath).param("from", from)
                .param("to", to).param("missing", String.join("、", missing)).param("at", at).param("by", by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertFigure(long reviewId, int position, FrozenFigure f) {
        jdbc.sql("""
                        insert into annual_review_figure (review_id, figure_key, name, source, measure, unit, phrase, kind,
                            definition, this_value, last_value, seq)
                        values (:id, :key, :name, :source, :measure, :unit, :phrase, :kind, :definition, :value,
                            :previous, :position)""")
                .param("id", reviewId).param("key", f.key()).param("name", f.name()).param("source", f.source())
                .param("measure", f.measure()).param("unit", f.unit()).param("phrase", f.phrase().name())
                .param("kind", f.kind()).param("definition", f.definition()).param("value", f.value())
                .param("previous", f.previous()).param("position", position).update();
    }

    void insertChart(long reviewId, int position, ChartRow r) {
        jdbc.sql("""
                        insert into annual_review_chart (review_id, section_key, seq, node_id, node_name, this_value,
                            last_value) values (:id, :section, :position, :node, :name, :value, :previous)""")
                .param("id", reviewId).param("section", r.sectionKey()).param("position", position)
                .param("node", r.nodeId()).param("name", r.nodeName()).param("value", r.value())
                .param("previous", r.previous()).update();
    }

    void insertParagraph(long reviewId, String section, int position, String heading, String body) {
        jdbc.sql("""
                        insert into annual_review_paragraph (review_id, section_key, seq, heading, body)
                        values (:id, :section, :position, :heading, :body)""")
                .param("id", reviewId).param("section", section).param("position", position)
                .param("heading", heading).param("body", body).update();
    }

    boolean exists(long nodeId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from annual_review where node_id = :node and period_from = :from"
                        + " and period_to = :to").param("node", nodeId).param("from", from).param("to", to)
                .query(Long.class).single() > 0;
    }

    Optional<Review> find(long id) {
        return jdbc.sql(REVIEW + " where id = :id").param("id", id).query(ReviewRepository::review).optional();
    }

    /** Locks the review's row for an edit or a publication (two officers at once: the second waits). */
    Optional<Review> lock(long id) {
        return jdbc.sql(REVIEW + " where id = :id for update").param("id", id).query(ReviewRepository::review)
                .optional();
    }

    List<Review> list(OrgScope scope, int limit) {
        return jdbc.sql(REVIEW + " where node_path like :scopePath order by generated_at desc, id desc limit :limit")
                .param("scopePath", scope.pathPattern()).param("limit", limit).query(ReviewRepository::review).list();
    }

    List<FrozenFigure> figures(long reviewId) {
        return jdbc.sql("""
                        select figure_key, name, source, measure, unit, phrase, kind, definition, this_value, last_value
                        from annual_review_figure where review_id = :id order by seq""")
                .param("id", reviewId)
                .query((rs, n) -> new FrozenFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Catalogue.Phrase.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10)))
                .list();
    }

    List<ChartRow> charts(long reviewId) {
        return jdbc.sql("""
                        select section_key, node_id, node_name, this_value, last_value from annual_review_chart
                        where review_id = :id order by section_key, seq""")
                .param("id", reviewId)
                .query((rs, n) -> new ChartRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    List<StoredParagraph> paragraphs(long reviewId) {
        return jdbc.sql("""
                        select id, section_key, seq, heading, body from annual_review_paragraph
                        where review_id = :id order by id""")
                .param("id", reviewId)
                .query((rs, n) -> new StoredParagraph(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    void updateParagraph(long paragraphId, String body) {
        jdbc.sql("update annual_review_paragraph set body = :body where id = :id").param("body", body)
                .param("id", paragraphId).update();
    }

    void edited(long id, LocalDateTime at, String by) {
        jdbc.sql("update annual_review set edited_at = :at, edited_by = :by where id = :id").param("at", at)
                .param("by", by).param("id", id).update();
    }

    int publish(long id, LocalDateTime at, String by) {
        return jdbc.sql("""
                        update annual_review set status = 'PUBLISHED', published_at = :at, published_by = :by
                        where id = :id and status = 'DRAFT'""")
                .param("at", at).param("by", by).param("id", id).update();
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        String missing = rs.getString("missing_modules");
        return new Review(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"),
                rs.getString("node_path"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("status"),
                missing == null || missing.isEmpty() ? List.of() : Arrays.asList(missing.split("、")),
                time(rs.getTimestamp("generated_at")), rs.getString("generated_by"), time(rs.getTimestamp("edited_at")),
                rs.getString("edited_by"), time(rs.getTimestamp("published_at")), rs.getString("published_by"));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
