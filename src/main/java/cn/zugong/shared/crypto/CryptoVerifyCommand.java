package cn.zugong.shared.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --zugong.crypto.verify}: proves that the configured keys open the database's personal data — after a
 * restore, with the keys from their own backup (ADR 049). Decrypts up to {@value #SAMPLE} values of every encrypted
 * column (SM4-GCM authenticates, so a wrong data key or a missing old key fails) and recomputes the blind index of
 * the decrypted ID numbers (a wrong index key fails). Prints {@code personal data: ok, N values under keys [...],
 * M blind indexes} or {@code personal data: FAILED ...} and exits with 0 or 1 — unless {@code --zugong.audit.verify}
 * is given too: then it runs first, exits only on failure, and the audit command ends the run.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CryptoVerifyCommand implements ApplicationRunner {

    static final String PROPERTY = "zugong.crypto.verify";
    static final int SAMPLE = 10_000;

    /** An encrypted column and the associated data its values are encrypted with. */
    record Column(String table, String column, String aad) {

        Column(String table, String column) {
            this(table, column, table + "." + column);
        }

        String name() {
            return table + "." + column;
        }
    }

    /**
     * Every encrypted column. A module that encrypts a new column adds it here; CryptoVerifyCommandIT fails on an
     * encrypted value in a column missing from the list.
     */
    static final List<Column> COLUMNS = List.of(new Column("person", "id_number"), new Column("person", "phone"),
            new Column("party_member", "id_number"), new Column("party_member", "phone"),
            new Column("service_cadre", "phone"), new Column("deliberation_matter", "phone_cipher",
                    "deliberation_matter.phone"), new Column("problem_ticket", "requester_phone"),
            new Column("officer_password_reset", "first_half"), new Column("talent", "id_number"),
            new Column("talent", "phone"), new Column("talent_code_key", "private_key"),
            new Column("mobile_file", "phone"), new Column("mobile_candidate", "phone"),
            new Column("matching_offer", "phone"),
            // issue 19 care: the 激励关爱 records' personal free text (ADR 077)
            new Column("care_case", "matter"), new Column("care_case", "finding"),
            new Column("care_case", "result_note"), new Column("care_case_check", "note"),
            new Column("care_clearance", "report"), new Column("care_discipline", "summary"),
            new Column("care_visit", "content"));
    /** Tables whose id_number has a blind index in id_number_idx. */
    static final List<String> INDEXED = List.of("person", "party_member", "talent");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    CryptoVerifyCommand(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, Environment environment,
                        ConfigurableApplicationContext context) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.environment = environment;
        this.context = context;
    }

    /** What one verification found. */
    record Verification(long values, long indexes, List<String> keyIds, List<String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }

        String line() {
            return ok() ? "personal data: ok, " + values + " values under keys " + keyIds + ", " + indexes
                    + " blind indexes"
                    : "personal data: FAILED " + String.join("; ", problems);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!requested(environment, PROPERTY)) {
            return;
        }
        Verification result = verify();
        System.out.println(result.line());
        System.out.flush();
        if (!result.ok() || !requested(environment, "zugong.audit.verify")) {
            int code = result.ok() ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    Verification verify() {
        long values = 0;
        long indexes = 0;
        TreeSet<String> keyIds = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Column column : COLUMNS) {
            List<String> stored = jdbc.sql("select " + column.column() + " from " + column.table() + " where "
                    + column.column() + " like 'v1:%' limit " + SAMPLE).query(String.class).list();
            int failed = 0;
            String reason = null;
            for (String value : stored) {
                try {
                    cipher.decrypt(value, column.aad());
                    keyIds.add(value.substring(FieldCipher.PREFIX.length(), value.indexOf(':', FieldCipher.PREFIX.length())));
                    values++;
                } catch (FieldCipher.FieldCipherException e) {
                    failed++;
                    reason = e.getMessage();
                }
            }
            if (failed > 0) {
                problems.add(column.name() + ": " + failed + " of " + stored.size() + " do not decrypt (" + reason + ")");
            }
        }
        for (String table : INDEXED) {
            String aad = table + ".id_number";
            List<String[]> rows = jdbc.sql("select id_number, id_number_idx from " + table
                            + " where id_number like 'v1:%' limit " + SAMPLE)
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            int wrong = 0;
            for (String[] row : rows) {
                try {
                    if (index.of(cipher.decrypt(row[0], aad)).equals(row[1])) {
                        indexes++;
                    } else {
                        wrong++;
                    }
                } catch (FieldCipher.FieldCipherException e) {
                    // counted above
                }
            }
            if (wrong > 0) {
                problems.add(table + ".id_number_idx: " + wrong + " of " + rows.size()
                        + " differ from the index key's (wrong ZUGONG_INDEX_KEY?)");
            }
        }
        return new Verification(values, indexes, List.copyOf(keyIds), problems);
    }

    static boolean requested(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !"false".equalsIgnoreCase(value);
    }

    /** Like the audit command: a random free port, no demo data, quiet logs. */
    static class Settings implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (requested(environment, PROPERTY)) {
                environment.getPropertySources().addFirst(new MapPropertySource("zugongCryptoVerify",
                        Map.of("server.port", "0", "zugong.demo.enabled", "false", "logging.level.root", "WARN",
                                "logging.level.cn.zugong", "WARN", "spring.main.banner-mode", "off")));
            }
        }
    }
}
