package cn.zugong.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordPolicyTest {

    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final PasswordPolicy policy = new PasswordPolicy(
            new SecuritySettings(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15), 10, 5), encoder);

    @Test
    void aStrongPasswordPasses() {
        assertThat(policy.violations("zhangsan", "Haidao#2026x")).isEmpty();
        assertThat(policy.violations("zhangsan", "haidao#2026x")).isEmpty(); // lower, digit, symbol: three classes
        assertThat(policy.violations("zhangsan", "舟山群岛Zhoushan2026")).isEmpty(); // Chinese counts as a symbol
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertThat(policy.violations("zhangsan", "Ab1!")).containsExactly("密码长度不能少于 10 位");
        assertThat(policy.violations("zhangsan", "abcdefghijk")).containsExactly(
                "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类");
        assertThat(policy.violations("zhangsan", "x-ZhangSan-2026")).containsExactly("密码不能包含用户名");
        assertThat(policy.violations("zhangsan", "Haidao 2026x")).containsExactly("密码不能包含空格");
        assertThat(policy.violations("zhangsan", "")).hasSize(2);
        assertThat(policy.violations("zhangsan", null)).containsExactly("密码长度不能少于 10 位");
    }

    @Test
    void theLastFivePasswordsCannotBeReused() {
        String current = encoder.encode("Current#2026");
        List<String> history = List.of(encoder.encode("Older1#2026a"), encoder.encode("Older2#2026a"),
                encoder.encode("Older3#2026a"), encoder.encode("Older4#2026a"), encoder.encode("Older5#2026a"));
        assertThat(policy.reuses("Current#2026", current, history)).isTrue();
        assertThat(policy.reuses("Older1#2026a", current, history)).isTrue();
        assertThat(policy.reuses("Older4#2026a", current, history)).isTrue();
        // the current one and the four before it are the last five; the fifth older one may come back
        assertThat(policy.reuses("Older5#2026a", current, history)).isFalse();
        assertThat(policy.reuses("Brand-new#2026", current, history)).isFalse();
    }

    @Test
    void initialPasswordsMeetThePolicy() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.violations("someone", Passwords.initial())).isEmpty();
        }
    }
}
