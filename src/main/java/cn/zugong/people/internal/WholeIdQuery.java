package cn.zugong.people.internal;

import cn.zugong.shared.IdNumbers;
import java.util.Optional;

/**
 * Whether a roster query ({@code q}) names a whole ID number: 18 characters after NFKC whose first 17
 * are digits of any script. Such a query must then be ASCII ({@code [0-9]{17}[0-9X]}), else it is
 * refused with a message instead of silently finding nothing; anything else is a name search.
 */
final class WholeIdQuery {

    private WholeIdQuery() {
    }

    /** The normalised number when {@code q} names one; empty for a name search. */
    static Optional<String> of(String q) {
        if (q == null || q.isBlank()) {
            return Optional.empty();
        }
        String n = IdNumbers.normalise(q);
        if (n.length() != 18 || !n.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        if (!IdNumbers.looksLikeOne(n)) {
            throw new Invalid("按身份证号查找：身份证号只能由数字0-9组成（末位可为X），"
                    + "请检查是否混入了其他文字的数字或符号");
        }
        return Optional.of(n);
    }

    /** A query that names an ID number in digits other than 0-9 (400). */
    static final class Invalid extends cn.zugong.shared.BadRequestException {
        Invalid(String message) {
            super(message);
        }
    }
}
