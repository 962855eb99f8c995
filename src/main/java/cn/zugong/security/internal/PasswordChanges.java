package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user changes the own password: the current one proves who asks, the new one meets the policy. */
@Service
class PasswordChanges {

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SecuritySettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    PasswordChanges(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder,
                    SecuritySettings settings, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void change(String username, String current, String next, String confirmation) {
        var account = accounts.findByUsername(username).orElseThrow();
        List<String> problems = new ArrayList<>();
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            problems.add("当前密码不正确");
        }
        if (next == null || !next.equals(confirmation)) {
            problems.add("两次输入的新密码不一致");
        }
        problems.addAll(policy.violations(username, next));
        if (problems.isEmpty() && policy.reuses(next, account.passwordHash(), accounts.passwordHistory(account.id()))) {
            problems.add(policy.reuseMessage());
        }
        if (!problems.isEmpty()) {
            throw new AccountFormException(problems);
        }
        accounts.changePassword(account.id(), account.passwordHash(), encoder.encode(next), false,
                LocalDateTime.now(clock), settings.passwordHistory());
        audit.record(new AuditEvent(AuditAction.PASSWORD_CHANGE, "account", String.valueOf(account.id()),
                username + " 修改了自己的密码", null, null, username));
    }
}
