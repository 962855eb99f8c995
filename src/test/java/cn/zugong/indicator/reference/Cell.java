package cn.zugong.indicator.reference;

/** Numerator and denominator of one node × indicator; denominator NaN: a count, not a ratio. */
record Cell(double num, double den) {

    static Cell count(double num) {
        return new Cell(num, Double.NaN);
    }

    boolean ratio() {
        return !Double.isNaN(den);
    }

    Cell plus(Cell o) {
        return new Cell(num + o.num, ratio() ? den + o.den : Double.NaN);
    }
}
