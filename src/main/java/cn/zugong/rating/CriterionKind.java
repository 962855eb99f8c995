package cn.zugong.rating;

/** How a criterion counts: base points (基本分, up to its cap), a bonus (加分) or a deduction (扣分). */
public enum CriterionKind {
    SCORE("基本分"),
    BONUS("加分"),
    DEDUCTION("扣分");

    private final String label;

    CriterionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
