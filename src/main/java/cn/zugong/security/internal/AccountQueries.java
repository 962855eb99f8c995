package cn.zugong.security.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Accounts as the administrators' pages show them, with their scope's name. */
@Component
class AccountQueries {

    private final AccountRepository accounts;
    private final OrgTree orgTree;
    private final Clock clock;

    AccountQueries(AccountRepository accounts, OrgTree orgTree, Clock clock) {
        this.accounts = accounts;
        this.orgTree = orgTree;
        this.clock = clock;
    }

    List<AccountView> all() {
        Map<Long, String> names = new HashMap<>();
        LocalDateTime now = LocalDateTime.now(clock);
        return accounts.all().stream().map(a -> view(a, names, now)).toList();
    }

    AccountView one(long id) {
        return accounts.findById(id).map(a -> view(a, new HashMap<>(), LocalDateTime.now(clock)))
                .orElseThrow(() -> new NotFoundException("账号不存在：" + id));
    }

    private AccountView view(AccountRepository.Account a, Map<Long, String> names, LocalDateTime now) {
        String scopeName = a.scopeNodeId() == null ? null : names.computeIfAbsent(a.scopeNodeId(),
                id -> orgTree.byId(id).map(OrgNode::name).orElse("?"));
        return new AccountView(a.id(), a.username(), a.displayName(), a.role(), a.scopeNodeId(), scopeName,
                a.enabled(), a.lockedAt(now), a.mustChangePassword(), a.lastLoginAt(), a.createdBy(), a.createdAt());
    }
}
