package cn.zugong.shared.figures;

/**
 * One figure a {@link FigureSource} computes: its key within the source ("frontlinePeople"), its Chinese name, the
 * unit as a sentence prints it after the number (人, 个, 家, 次, 元, ％), what kind of number it is and its 口径 (one
 * line: what is counted, from which records, which date puts a record in the period).
 */
public record Measure(String key, String name, String unit, MeasureKind kind, String definition) {
}
