package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the system administrator (系统管理员) does to accounts: create (without a role: the security
 * administrator grants it), enable, disable, unlock, reset the password of a business account. Never to the
 * own account, never disabling a security officer, never resetting a guarded account alone (ADR 033). Each change is audited with its before and after.
 */
@Service
class AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_.-]{2,29}");

    private final AccountRepository accounts;
    private final AccountQueries queries;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final SecuritySettings settings;
    private final Clock clock;

    AccountAdministration(AccountRepository accounts, AccountQueries queries, PasswordEncoder encoder,
                          AuditTrail audit, SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.queries = queries;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of creating an account or resetting its password: the initial password, shown once. */
    public record Issued(AccountView account, String initialPassword) {
    }

    @Transactional
    Issued create(CurrentUser admin, String username, String displayName) {
        List<String> problems = new ArrayList<>();
        String name = username == null ? "" : username.strip();
        String display = displayName == null ? "" : displayName.strip();
        if (!USERNAME.matcher(name).matches()) {
            problems.add("用户名须为 3–30 位小写字母、数字或 _ . -，以字母开头");
        } else if (accounts.findByUsername(name).isPresent()) {
            problems.add("用户名 " + name + " 已存在");
        }
        if (display.isEmpty() || display.length() > 50) {
            problems.add("姓名（显示名）不能为空，且不超过 50 个字");
        }
        if (!problems.isEmpty()) {
            throw new AccountFormException(problems);
        }
        String initial = Passwords.initial();
        long id = accounts.insert(new NewAccount(name, initial, display, null, null), encoder.encode(initial), true,
                admin.username(), LocalDateTime.now(clock));
        AccountView created = queries.one(id);
        audit.record(AuditEvent.change(AuditAction.CREATE, "account", id, null,
                Map.of("username", name, "displayName", display, "role", "待授权")));
        return new Issued(created, initial);
    }

    @Transactional
    void setEnabled(CurrentUser admin, long id, boolean enabled) {
        AccountView account = othersAccount(admin, id);
        if (!enabled && account.officer()) {
            throw new ForbiddenException("不能停用三员账号（" + account.roleLabel() + "）");
        }
        accounts.setEnabled(id, enabled);
        if (!enabled) {
            accounts.revokeTokens(id, LocalDateTime.now(clock));
        }
        audit.record(AuditEvent.change(AuditAction.UPDATE, "account", id, Map.of("enabled", account.enabled()),
                Map.of("enabled", enabled)));
    }

    @Transactional
    void unlock(CurrentUser admin, long id) {
        AccountView account = othersAccount(admin, id);
        accounts.unlock(id);
        audit.record(AuditEvent.of(AuditAction.UNLOCK, "account", id, "解锁账号 " + account.username()));
    }

    /**
     * Business accounts only: an officer's or an organisation administrator's password is reset by two other
     * officers together ({@link OfficerResets}), else the system administrator could become any of them.
     */
    @Transactional
    Issued resetPassword(CurrentUser admin, long id) {
        AccountView account = othersAccount(admin, id);
        if (account.guarded()) {
            throw new ForbiddenException("三员和组织部管理员账号（" + account.username() + "，" + account.roleLabel()
                    + "）的密码不能由系统管理员单独重置，须由另外两名三员在“三员密码重置”中共同办理");
        }
        String current = accounts.findById(id).orElseThrow().passwordHash();
        String initial = Passwords.initial();
        accounts.changePassword(id, current, encoder.encode(initial), true, LocalDateTime.now(clock), settings.passwordHistory());
        accounts.unlock(id);
        audit.record(AuditEvent.of(AuditAction.PASSWORD_RESET, "account", id,
                "重置 " + account.username() + "（" + account.grantLabel() + "）的密码，首次登录须修改"));
        return new Issued(queries.one(id), initial);
    }

    private AccountView othersAccount(CurrentUser admin, long id) {
        AccountView account = queries.one(id);
        if (account.id() == admin.accountId()) {
            throw new ForbiddenException("不能对自己的账号执行此操作");
        }
        return account;
    }
}
