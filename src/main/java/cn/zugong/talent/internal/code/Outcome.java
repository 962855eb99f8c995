package cn.zugong.talent.internal.code;

/** What a verification found: VALID, or the one reason it failed (checked in this order). */
public enum Outcome {
    VALID("有效"),
    BAD_FORMAT("格式错误"),
    UNKNOWN_KEY("未知密钥"),
    BAD_SIGNATURE("签名无效"),
    /** Signed by a key of the platform but not in its register (should not happen: data lost or restored). */
    UNKNOWN_CODE("未登记"),
    REVOKED("已撤销"),
    SUPERSEDED("已重新签发"),
    EXPIRED("已过期"),
    NOT_YET_VALID("未生效");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The sentence the verify page shows. */
    public String explanation() {
        return switch (this) {
            case VALID -> "人才码有效";
            case BAD_FORMAT -> "格式错误：这不是人才码，或内容不完整（应以 ZT1: 开头）";
            case UNKNOWN_KEY -> "未知密钥：人才码不是用本平台公布的密钥签发的";
            case BAD_SIGNATURE -> "签名无效：人才码的内容被改动过，或签名不正确";
            case UNKNOWN_CODE -> "未登记：平台没有这枚人才码的签发记录";
            case REVOKED -> "已撤销：人才码已被人才办撤销";
            case SUPERSEDED -> "已重新签发：这枚人才码已被新的人才码取代，请出示最新的人才码";
            case EXPIRED -> "已过期：人才码已超过有效期";
            case NOT_YET_VALID -> "未生效：人才码尚未到生效日期";
        };
    }
}
