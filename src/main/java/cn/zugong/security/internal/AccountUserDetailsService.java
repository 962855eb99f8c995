package cn.zugong.security.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final OrgTree orgTree;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, OrgTree orgTree, Clock clock) {
        this.accounts = accounts;
        this.orgTree = orgTree;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        CurrentUser user = null;
        if (account.granted()) {
            OrgNode scopeNode = orgTree.byId(account.scopeNodeId())
                    .orElseThrow(() -> new UsernameNotFoundException("scope node missing"));
            user = new CurrentUser(account.id(), account.username(), account.displayName(), account.role(),
                    scopeNode.asScope(), scopeNode.name());
        }
        return new AccountPrincipal(account.username(), user, account.passwordHash(), account.enabled(),
                account.lockedAt(LocalDateTime.now(clock)), account.mustChangePassword());
    }
}
