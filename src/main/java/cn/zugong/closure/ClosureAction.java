package cn.zugong.closure;

/** What happened to an item (one row of its history). */
public enum ClosureAction {
    REGISTER("登记"),
    ASSIGN("交办"),
    START("开始整改"),
    PROGRESS("更新整改措施"),
    RESOLVE("办结"),
    VERIFY("核验通过"),
    REJECT("核验退回"),
    CLOSE("销号"),
    REOPEN("重新打开"),
    TRANSFER("转办"),
    ESCALATE("督办"),
    ATTACH("上传佐证材料"),
    INSTRUCT("领导批示"),
    ANSWER("答复批示");

    private final String label;

    ClosureAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
