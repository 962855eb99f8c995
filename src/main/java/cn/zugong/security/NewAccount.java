package cn.zugong.security;

import cn.zugong.shared.Role;

/** A new account; {@code role} and {@code scopeNodeId} are both null for an account awaiting its grant. */
public record NewAccount(String username, String rawPassword, String displayName, Role role, Long scopeNodeId) {
}
