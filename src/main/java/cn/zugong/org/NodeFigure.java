package cn.zugong.org;

/** A head-count or other figure shown on a node page, contributed by another module. */
public record NodeFigure(String label, long value, String link) {
}
