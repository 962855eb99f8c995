package cn.zugong.indicator.internal.formula;

import java.util.ArrayList;
import java.util.List;

/** Splits a formula into tokens, keeping line and column of each. */
final class Lexer {

    private static final String TWO_CHAR = "!=<=>=";

    private Lexer() {
    }

    static List<Token> tokens(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            Pos pos = new Pos(line, i - lineStart + 1);
            if (c == '\n') {
                line++;
                lineStart = ++i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                    i++;
                }
                String text = src.substring(start, i);
                if (text.chars().filter(ch -> ch == '.').count() > 1 || text.endsWith(".")) {
                    throw new FormulaException(pos, "数字格式不正确：" + text);
                }
                out.add(new Token(Token.Kind.NUMBER, text, pos));
            } else if (c == '\'' || c == '"') {
                int end = src.indexOf(c, i + 1);
                int newline = src.indexOf('\n', i + 1);
                if (end < 0 || (newline >= 0 && newline < end)) {
                    throw new FormulaException(pos, "字符串缺少结束引号");
                }
                out.add(new Token(Token.Kind.STRING, src.substring(i + 1, end), pos));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, src.substring(start, i), pos));
            } else if (i + 1 < src.length() && TWO_CHAR.contains(src.substring(i, i + 2))
                    && src.substring(i, i + 2).matches("!=|<=|>=")) {
                out.add(new Token(Token.Kind.SYMBOL, src.substring(i, i + 2), pos));
                i += 2;
            } else if ("()[],.+-*/=<>".indexOf(c) >= 0) {
                out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), pos));
                i++;
            } else {
                throw new FormulaException(pos, "无法识别的字符 '" + c + "'");
            }
        }
        out.add(new Token(Token.Kind.EOF, "", new Pos(line, i - lineStart + 1)));
        return out;
    }
}
