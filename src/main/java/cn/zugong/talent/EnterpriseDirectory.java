package cn.zugong.talent;

import cn.zugong.talent.internal.directory.DirectoryBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 自贸企业 directory's public API: who is in the published directory of a year (what 码上秒享's benefit rules
 * read), and the writes the demo needs (figures, compute, cut-off, publish) — trusted, audited under {@code by}.
 * An employer is in the directory of year Y when its entry is listed and Y is published.
 */
@Service
public class EnterpriseDirectory {

    private final DirectoryBook book;

    EnterpriseDirectory(DirectoryBook book) {
        this.book = book;
    }

    /** Whether the employer is in the published directory of {@code year}. */
    public boolean listed(long employerId, int year) {
        return book.listed(employerId, year);
    }

    /** The employers in the published directory of {@code year} (empty when that year is not published). */
    public Set<Long> listedEmployers(int year) {
        return book.listedEmployers(year);
    }

    public OptionalInt latestPublishedYear() {
        return book.latestPublishedYear();
    }

    public boolean published(int year) {
        return book.year(year).map(DirectoryBook.Year::published).orElse(false);
    }

    /** An enterprise that may enter the directory. */
    public record Candidate(long employerId, String creditCode, String name, String industry) {
    }

    /** The enterprises (not institutions) of the registry, by credit code. */
    public List<Candidate> enterprises() {
        return book.enterprises().values().stream()
                .map(e -> new Candidate(e.id(), e.creditCode(), e.name(), e.industry())).toList();
    }

    /** The figure codes of the scheme, in the file's order. */
    public List<String> figureCodes() {
        return book.scheme().figures().stream().map(f -> f.code()).toList();
    }

    /** The year's figures become exactly these (employer id → figure code → value), then they are scored. */
    @Transactional
    public void recordAndCompute(int year, Map<Long, Map<String, BigDecimal>> figures, String by) {
        book.replaceFigures(year, figures, "系统导入", by);
        book.compute(year, by);
    }

    /** Sets the top-N cut-off and publishes the year; returns how many are listed. */
    @Transactional
    public int publishTop(int year, int topN, String by) {
        book.setCutoff(year, topN, null, by);
        return book.publish(year, by);
    }

}
