package cn.zugong.security;

import cn.zugong.shared.Role;

public record NewAccount(String username, String rawPassword, String displayName, Role role, long scopeNodeId) {
}
