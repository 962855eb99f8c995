package cn.zugong.security;

import cn.zugong.org.OrgTree;
import cn.zugong.security.internal.AccountRepository;
import cn.zugong.security.internal.Passwords;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts from configuration (demo, first installation, tests); each holds one role scoped to one
 * node of the organisation tree. Accounts created by the system administrator go through the admin pages.
 */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final Passwords passwords;
    private final OrgTree orgTree;
    private final Clock clock;

    Accounts(AccountRepository repository, Passwords passwords, OrgTree orgTree, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.orgTree = orgTree;
        this.clock = clock;
    }

    /** Creates an account whose password is known to its owner; the password must meet the policy. */
    @Transactional
    public long create(NewAccount account) {
        return create(account, false);
    }

    /** As {@link #create(NewAccount)}, but the owner must change the password at the first login. */
    @Transactional
    public long create(NewAccount account, boolean mustChangePassword) {
        if (account.scopeNodeId() != null) {
            orgTree.scopeOf(account.scopeNodeId()); // the scope node must exist
        }
        String hash = passwords.hashChecked(account.username(), account.rawPassword());
        return repository.insert(account, hash, mustChangePassword, "system", LocalDateTime.now(clock));
    }

    public boolean exists(String username) {
        return repository.findByUsername(username).isPresent();
    }

    public long count() {
        return repository.count();
    }
}
