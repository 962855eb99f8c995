package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the security administrator (安全保密管理员) does: grant an account one business role and the node of
 * the organisation tree it covers, or revoke it. The officers' own roles are fixed at installation: no
 * officer role can be granted, no officer's grant changed, so no account ever holds two of them.
 */
@Service
class RoleGrants {

    private final AccountRepository accounts;
    private final AccountQueries queries;
    private final OrgTree orgTree;
    private final AuditTrail audit;
    private final Clock clock;

    RoleGrants(AccountRepository accounts, AccountQueries queries, OrgTree orgTree, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.queries = queries;
        this.orgTree = orgTree;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    AccountView grant(CurrentUser secAdmin, long id, String roleName, String scopeCode) {
        AccountView account = grantable(secAdmin, id);
        Role role = Role.business().stream().filter(r -> r.name().equals(roleName)).findFirst()
                .orElseThrow(() -> new AccountFormException(List.of("只能授予业务角色：" + labels())));
        OrgNode scope = orgTree.byCode(scopeCode == null ? "" : scopeCode.strip())
                .filter(n -> secAdmin.scope().contains(n.path()))
                .orElseThrow(() -> new AccountFormException(List.of("管理范围的组织代码不存在：" + scopeCode)));
        accounts.grant(id, role, scope.id());
        accounts.revokeTokens(id, LocalDateTime.now(clock));
        audit.record(AuditEvent.change(AuditAction.GRANT, "account", id, grantOf(account),
                Map.of("role", role.label(), "scope", scope.name() + "（" + scope.code() + "）")));
        return queries.one(id);
    }

    @Transactional
    AccountView revoke(CurrentUser secAdmin, long id) {
        AccountView account = grantable(secAdmin, id);
        accounts.grant(id, null, null);
        accounts.revokeTokens(id, LocalDateTime.now(clock));
        audit.record(AuditEvent.change(AuditAction.REVOKE, "account", id, grantOf(account),
                Map.of("role", "待授权")));
        return queries.one(id);
    }

    private AccountView grantable(CurrentUser secAdmin, long id) {
        AccountView account = queries.one(id);
        if (account.id() == secAdmin.accountId()) {
            throw new ForbiddenException("不能为自己的账号授权");
        }
        if (account.officer()) {
            throw new ForbiddenException("三员账号的角色在安装时确定，不能变更");
        }
        return account;
    }

    private static Map<String, Object> grantOf(AccountView account) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("role", account.roleLabel());
        grant.put("scope", account.scopeName() == null ? "" : account.scopeName());
        return grant;
    }

    static String labels() {
        return String.join("、", Role.business().stream().map(Role::label).toList());
    }
}
