package cn.zugong.people.internal;

import cn.zugong.shared.crypto.BlindIndex;
import cn.zugong.shared.crypto.FieldCipher;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the ID numbers and phones of {@code person} and {@code party_member} encrypted (ADR 006), on
 * every start, before the demo loader:
 * <ul>
 *   <li><b>encrypt in place</b> (always): rows still holding plaintext (written before migration V7)
 *   or lacking their blind index are encrypted under the current key and indexed;</li>
 *   <li><b>re-encrypt</b> ({@code --zugong.crypto.reencrypt=true}, key rotation): values under any
 *   other key id are decrypted with the old key (ZUGONG_DATA_KEYS_OLD) and encrypted under the current one;</li>
 *   <li><b>re-index</b> ({@code --zugong.crypto.reindex=true}, index-key rotation): every blind index is recomputed.</li>
 * </ul>
 * In batches of 1,000 rows (keyset by id, one transaction each), idempotent: a finished row is not
 * selected again, and an interrupted run simply continues on the next start.
 */
@Component
@Order(10)
class PersonalDataEncryption implements ApplicationRunner {

    enum Mode { IN_PLACE, REENCRYPT, REINDEX }

    static final List<String> TABLES = List.of("person", "party_member");
    private static final Logger log = LoggerFactory.getLogger(PersonalDataEncryption.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final boolean reencrypt;
    private final boolean reindex;

    @Autowired
    PersonalDataEncryption(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction,
                           FieldCipher cipher, BlindIndex index,
                           @Value("${zugong.crypto.reencrypt:false}") boolean reencrypt,
                           @Value("${zugong.crypto.reindex:false}") boolean reindex) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.cipher = cipher;
        this.index = index;
        this.reencrypt = reencrypt;
        this.reindex = reindex;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String table : TABLES) {
            process(table, Mode.IN_PLACE);
            if (reencrypt) {
                process(table, Mode.REENCRYPT);
            }
            if (reindex) {
                process(table, Mode.REINDEX);
            }
        }
    }

    /** Returns the number of rows rewritten. */
    int process(String table, Mode mode) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        String prefix = FieldCipher.PREFIX + cipher.currentKeyId() + ":";
        String condition = switch (mode) {
            case IN_PLACE -> "(id_number not like 'v1:%' or id_number_idx is null or phone not like 'v1:%')";
            case REENCRYPT -> "(left(id_number, " + prefix.length() + ") <> :prefix or left(phone, "
                    + prefix.length() + ") <> :prefix)";
            case REINDEX -> "1 = 1";
        };
        String idAad = PersonalFields.aad(table, "id_number");
        String phoneAad = PersonalFields.aad(table, "phone");
        long start = System.nanoTime();
        long last = Long.MIN_VALUE;
        int total = 0;
        while (true) {
            List<Object[]> rows = jdbc.sql("select id, id_number, phone from " + table + " where id > :last and "
                            + condition + " order by id limit " + BATCH)
                    .param("last", last).param("prefix", prefix)
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
            if (rows.isEmpty()) {
                break;
            }
            List<Object[]> updates = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                String storedId = (String) row[1];
                String storedPhone = (String) row[2];
                String idNumber = cipher.decrypt(storedId, idAad);
                String phone = cipher.decrypt(storedPhone, phoneAad);
                updates.add(new Object[] {
                        cipher.isCurrent(storedId) ? storedId : cipher.encrypt(idNumber, idAad),
                        storedPhone == null || cipher.isCurrent(storedPhone) ? storedPhone : cipher.encrypt(phone, phoneAad),
                        index.of(idNumber), row[0]});
            }
            transaction.executeWithoutResult(status -> template.batchUpdate(
                    "update " + table + " set id_number = ?, phone = ?, id_number_idx = ? where id = ?", updates));
            total += rows.size();
            last = (Long) rows.get(rows.size() - 1)[0];
        }
        if (total > 0 || mode != Mode.IN_PLACE) {
            log.info("personal data {} of {}: {} rows in {} ms", mode.name().toLowerCase().replace('_', '-'), table,
                    total, (System.nanoTime() - start) / 1_000_000);
        }
        return total;
    }
}
