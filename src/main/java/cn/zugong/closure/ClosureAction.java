package cn.zugong.closure;

/**
 * What happened to an item (one row of its history), with the word the step's note field asks for on the pages
 * and in the workflow's refusals (「请填写整改措施」); null for the steps without a note.
 */
public enum ClosureAction {
    REGISTER("登记", null),
    ASSIGN("交办", "说明 / 理由"),
    START("开始整改", "整改措施"),
    PROGRESS("更新整改措施", "整改措施"),
    RESOLVE("办结", "整改结果"),
    VERIFY("核验通过", "核验意见"),
    REJECT("核验退回", "退回理由"),
    CLOSE("销号", "说明 / 理由"),
    REOPEN("重新打开", "重新打开的理由"),
    TRANSFER("转办", "转办理由"),
    ESCALATE("督办", null),
    ATTACH("上传佐证材料", null),
    INSTRUCT("领导批示", "批示内容"),
    ANSWER("答复批示", "答复内容");

    private final String label;
    private final String prompt;

    ClosureAction(String label, String prompt) {
        this.label = label;
        this.prompt = prompt;
    }

    public String label() {
        return label;
    }

    public String prompt() {
        return prompt;
    }
}
