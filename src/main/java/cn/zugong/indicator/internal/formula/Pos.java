package cn.zugong.indicator.internal.formula;

/** A position in a formula, 1-based, as the officer sees it in the pack file's formula text. */
public record Pos(int line, int column) {

    @Override
    public String toString() {
        return "第 " + line + " 行第 " + column + " 列";
    }
}
