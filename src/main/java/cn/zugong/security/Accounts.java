package cn.zugong.security;

import cn.zugong.org.OrgTree;
import cn.zugong.security.internal.AccountRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts; each holds one role scoped to one node of the organisation tree. */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final OrgTree orgTree;

    Accounts(AccountRepository repository, PasswordEncoder passwordEncoder, OrgTree orgTree) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.orgTree = orgTree;
    }

    @Transactional
    public long create(NewAccount account) {
        orgTree.scopeOf(account.scopeNodeId()); // the scope node must exist
        return repository.insert(account, passwordEncoder.encode(account.rawPassword()));
    }

    public boolean exists(String username) {
        return repository.findByUsername(username).isPresent();
    }

    public long count() {
        return repository.count();
    }
}
