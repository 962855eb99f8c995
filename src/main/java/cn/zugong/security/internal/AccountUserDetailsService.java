package cn.zugong.security.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final OrgTree orgTree;

    AccountUserDetailsService(AccountRepository accounts, OrgTree orgTree) {
        this.accounts = accounts;
        this.orgTree = orgTree;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        OrgNode scopeNode = orgTree.byId(account.scopeNodeId())
                .orElseThrow(() -> new UsernameNotFoundException("scope node missing"));
        CurrentUser user = new CurrentUser(account.id(), account.username(), account.displayName(), account.role(),
                scopeNode.asScope(), scopeNode.name());
        return new AccountPrincipal(user, account.passwordHash(), account.enabled());
    }
}
