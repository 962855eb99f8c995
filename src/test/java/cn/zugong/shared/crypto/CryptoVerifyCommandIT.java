package cn.zugong.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The decrypt check of the restore drill (ADR 049) on the demo database: the right keys pass, wrong ones fail. */
@IntegrationTest
class CryptoVerifyCommandIT {

    @Autowired JdbcClient jdbc;
    @Autowired FieldCipher cipher;
    @Autowired BlindIndex index;
    @Autowired Environment environment;
    @Autowired ConfigurableApplicationContext context;

    private CryptoVerifyCommand command(FieldCipher cipher, BlindIndex index) {
        return new CryptoVerifyCommand(jdbc, cipher, index, environment, context);
    }

    @Test
    void theConfiguredKeysOpenThePersonalData() {
        CryptoVerifyCommand.Verification result = command(cipher, index).verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).isGreaterThan(20_000L);
        assertThat(result.indexes()).isGreaterThan(10_000L);
        assertThat(result.keyIds()).containsExactly(CryptoKeys.DEMO_KEY_ID);
        assertThat(result.line()).startsWith("personal data: ok, ");
    }

    @Test
    void anotherDataKeyUnderTheSameIdFails() {
        FieldCipher wrong = new FieldCipher(CryptoKeys.DEMO_KEY_ID, Map.of(CryptoKeys.DEMO_KEY_ID, new byte[16]));
        CryptoVerifyCommand.Verification result = command(wrong, index).verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.line()).startsWith("personal data: FAILED ").contains("person.id_number: ")
                .contains("failed authentication");
    }

    @Test
    void aMissingOldKeyFails() {
        FieldCipher rotated = new FieldCipher("k2", Map.of("k2", new byte[16]));
        assertThat(command(rotated, index).verify().line()).contains("no key with id demo");
    }

    @Test
    void anotherIndexKeyFails() {
        CryptoVerifyCommand.Verification result = command(cipher, new BlindIndex(new byte[32])).verify();
        assertThat(result.problems()).anyMatch(p -> p.startsWith("person.id_number_idx: "));
    }

    @Test
    void everyEncryptedColumnIsListed() {
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where lower(table_schema) = 'public' and (upper(data_type) like '%CHAR%' or upper(data_type) = 'TEXT')
                """).query().listOfRows();
        TreeSet<String> encrypted = new TreeSet<>();
        for (Map<String, Object> c : columns) {
            String table = c.get("table_name").toString().toLowerCase();
            String column = c.get("column_name").toString().toLowerCase();
            long n = jdbc.sql("select count(*) from " + table + " where " + column + " like 'v1:%:%'")
                    .query(Long.class).single();
            if (n > 0) {
                encrypted.add(table + "." + column);
            }
        }
        assertThat(encrypted).contains("person.id_number", "party_member.phone");
        assertThat(CryptoVerifyCommand.COLUMNS.stream().map(CryptoVerifyCommand.Column::name)).containsAll(encrypted);
    }
}
