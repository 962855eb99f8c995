package cn.zugong.audit;

/** What an audit entry records. Reads of personal data are audited as well as writes. */
public enum AuditAction {
    LOGIN_SUCCESS("登录成功"),
    LOGIN_FAILURE("登录失败"),
    LOGOUT("退出登录"),
    /** An API token issued after its account's password was checked (ADR 048). */
    TOKEN_ISSUE("签发接口令牌"),
    /** API tokens revoked: one by its id, or all of an account's. */
    TOKEN_REVOKE("撤销接口令牌"),
    CREATE("新增"),
    UPDATE("修改"),
    DELETE("删除"),
    IMPORT("导入"),
    /** An import refused as a whole or for errors in its rows: nothing was saved. */
    IMPORT_FAILED("导入失败"),
    EXPORT("导出"),
    READ_PERSONAL("查看个人信息"),
    UNMASK("查看完整敏感信息"),
    GRANT("授权"),
    REVOKE("撤销授权"),
    CONFIG("配置变更"),
    LOCK("账户锁定"),
    UNLOCK("账户解锁"),
    PASSWORD_CHANGE("修改密码"),
    PASSWORD_RESET("重置密码"),
    /** The first of the two officers of a guarded account's reset (ADR 033); the second one's is PASSWORD_RESET. */
    PASSWORD_RESET_REQUEST("申请重置密码"),
    /** A request refused: a route the role may not reach (403), an object outside the scope or missing (404). */
    ACCESS_DENIED("拒绝访问");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
