package cn.zugong.indicator.internal.formula;

/** A lexical token; {@code text} is the source text (for strings, the unquoted value). */
record Token(Kind kind, String text, Pos pos) {

    enum Kind { NUMBER, STRING, IDENT, SYMBOL, EOF }

    boolean is(String symbolOrKeyword) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbolOrKeyword);
    }
}
