/**
 * Sign-in, accounts and grants: Spring Security configuration, the password policy, lock-out and throttling,
 * 三员分立 (system, security and audit officers), two-person account creation and password resets.
 * Public API: {@link cn.zugong.security.Accounts} (does an account exist, its display name; used by service and
 * tickets) and, used by the demo, {@link cn.zugong.security.NewAccount} (create the demo accounts).
 */
package cn.zugong.security;
