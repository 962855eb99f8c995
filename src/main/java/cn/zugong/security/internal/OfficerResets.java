package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三员密码重置 (ADR 033): the password of a guarded account (an officer, an organisation administrator) is
 * reset by two different officers, neither of them its owner. The first requests it and sees the first half
 * of the new password; the second confirms and sees the second half; the owner signs in with both halves
 * and must choose a new password. No single officer ever knows the whole, so none can become another.
 */
@Service
class OfficerResets {

    /** A request not confirmed within this time lapses; its half is useless without the second one. */
    static final Duration VALID = Duration.ofHours(24);
    private static final String AAD = "officer_password_reset.first_half";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountQueries queries;
    private final PasswordEncoder encoder;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final SecuritySettings settings;
    private final Clock clock;

    OfficerResets(JdbcClient jdbc, AccountRepository accounts, AccountQueries queries, PasswordEncoder encoder,
                  FieldCipher cipher, AuditTrail audit, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.queries = queries;
        this.encoder = encoder;
        this.cipher = cipher;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** An open request, as the officers' page lists it. */
    record Request(long id, AccountView account, String requestedBy, LocalDateTime requestedAt) {
    }

    /** One half of a new password, shown once to the officer who holds it. */
    record Half(AccountView account, long requestId, String half, boolean first, String otherOfficer) {
    }

    List<AccountView> guarded(CurrentUser officer) {
        return queries.all().stream().filter(a -> a.guarded() && a.id() != officer.accountId()).toList();
    }

    List<Request> open() {
        return jdbc.sql("""
                        select id, account_id, requested_by, requested_at from officer_password_reset
                        where confirmed_at is null and requested_at > :since order by id""")
                .param("since", Timestamp.valueOf(LocalDateTime.now(clock).minus(VALID)))
                .query((rs, i) -> new Request(rs.getLong(1), queries.one(rs.getLong(2)), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime()))
                .list();
    }

    @Transactional
    Half request(CurrentUser officer, long accountId) {
        AccountView account = queries.one(accountId);
        if (!account.guarded()) {
            throw new ForbiddenException("账号 " + account.username() + "（" + account.roleLabel()
                    + "）不属于三员或组织部管理员，其密码由系统管理员在账号管理中重置");
        }
        if (account.id() == officer.accountId()) {
            throw new ForbiddenException("不能申请重置自己的账号");
        }
        open().stream().filter(r -> r.account().id() == accountId).findFirst().ifPresent(r -> {
            throw new ConflictException("账号 " + account.username() + " 已有待确认的重置申请（" + r.requestedBy()
                    + " 提出），请由另一名三员确认");
        });
        String half = Passwords.half();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into officer_password_reset (account_id, requested_by, requested_at, first_half)
                        values (:account, :by, :at, :half)""")
                .param("account", accountId).param("by", officer.username())
                .param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("half", cipher.encrypt(half, AAD))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvent.of(AuditAction.PASSWORD_RESET_REQUEST, "account", accountId,
                officer.username() + " 申请重置 " + account.username() + "（" + account.grantLabel()
                        + "）的密码（申请 " + id + "），待另一名三员确认"));
        return new Half(account, id, half, true, null);
    }

    @Transactional
    Half confirm(CurrentUser officer, long requestId) {
        Request request = open().stream().filter(r -> r.id() == requestId).findFirst()
                .orElseThrow(() -> new NotFoundException("重置申请不存在、已确认或已过期：" + requestId));
        AccountView account = request.account();
        if (account.id() == officer.accountId()) {
            throw new ForbiddenException("不能确认对自己账号的重置");
        }
        if (request.requestedBy().equals(officer.username())) {
            throw new ForbiddenException("申请人不能确认自己的申请，须由另一名三员确认");
        }
        String first = jdbc.sql("select first_half from officer_password_reset where id = :id")
                .param("id", requestId).query(String.class).single();
        int confirmed = jdbc.sql("""
                        update officer_password_reset set confirmed_by = :by, confirmed_at = :at, first_half = null
                        where id = :id and confirmed_at is null""")
                .param("by", officer.username()).param("at", Timestamp.valueOf(LocalDateTime.now(clock)))
                .param("id", requestId).update();
        if (confirmed != 1) {
            throw new NotFoundException("重置申请不存在、已确认或已过期：" + requestId);
        }
        String second = Passwords.half();
        String current = accounts.findById(account.id()).orElseThrow().passwordHash();
        accounts.changePassword(account.id(), current, encoder.encode(cipher.decrypt(first, AAD) + second), true,
                LocalDateTime.now(clock), settings.passwordHistory());
        accounts.unlock(account.id());
        audit.record(AuditEvent.of(AuditAction.PASSWORD_RESET, "account", account.id(),
                request.requestedBy() + " 申请、" + officer.username() + " 确认，双人重置 " + account.username() + "（"
                        + account.grantLabel() + "）的密码（申请 " + requestId + "），各持一半，首次登录须修改"));
        return new Half(queries.one(account.id()), requestId, second, false, request.requestedBy());
    }
}
