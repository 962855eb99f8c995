package cn.zugong.rating.internal.evaluation;

import cn.zugong.shared.crypto.BlindIndex;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes of raters (ADR 062): eight characters of an alphabet without look-alikes (40 bits), shown as
 * {@code ABCD-EFGH} once — on the printed slip — and stored only as their blind index (HMAC-SM3), so neither the
 * database nor a backup gives a code away. Issuing again replaces a rater's code; a rater who voted gets none.
 */
@Component
public class RaterCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a valid code opens: the rater, the campaign and village, the group, and how the rater voted (or null). */
    public record RaterRef(long raterId, long campaignId, long orgNodeId, String group, String raterNo, String channel) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BlindIndex index;

    RaterCodes(JdbcClient jdbc, JdbcTemplate template, BlindIndex index) {
        this.jdbc = jdbc;
        this.template = template;
        this.index = index;
    }

    /** A fresh code, e.g. {@code 7KQX-M2PA}. */
    public static String newCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The stored form of a code as typed (dashes, spaces and case do not matter). */
    public String hash(String code) {
        return index.of(code == null ? null : code.replace("-", "").replace(" ", ""));
    }

    /** The rater a code belongs to, if any. */
    public Optional<RaterRef> find(String code) {
        String hash = hash(code);
        if (hash == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, campaign_id, org_node_id, rater_group, rater_no, channel from pe_rater "
                        + "where code_hash = :hash")
                .param("hash", hash)
                .query((rs, row) -> new RaterRef(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("org_node_id"),
                        rs.getString("rater_group"), rs.getString("rater_no"), rs.getString("channel")))
                .optional();
    }

    /** Gives each rater who has not voted a new code; returns rater id → code (to print now: it is not kept). */
    @Transactional
    public Map<Long, String> issue(long campaignId, Collection<Long> raterIds) {
        Map<Long, String> codes = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (long id : raterIds) {
            String code = newCode();
            codes.put(id, code);
            rows.add(new Object[] {hash(code), id, campaignId});
        }
        int[] counts = template.batchUpdate(
                "update pe_rater set code_hash = ? where id = ? and campaign_id = ? and channel is null", rows);
        List<Long> ids = new ArrayList<>(codes.keySet());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                codes.remove(ids.get(i));
            }
        }
        return codes;
    }
}
