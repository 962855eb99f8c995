package cn.zugong.shared.figures;

/**
 * What a measure's number is, which decides what its records add up to ({@link FigureRecords#value()}):
 * a COUNT of records (the records are the counted ones: value = total), an AMOUNT in yuan (value = the sum of the
 * records' amounts), a PERCENT (records = the denominator's, value = numerator ÷ total × 100, rounded as the module's figures page
 * rounds it; the review prints it as given) or an
 * AVERAGE (records = the averaged ones, value = their mean).
 */
public enum MeasureKind {
    COUNT, AMOUNT, PERCENT, AVERAGE
}
