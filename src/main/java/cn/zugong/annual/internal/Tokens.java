package cn.zugong.annual.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure tokens. The catalogue's templates write {@code {key}}, {@code {key.exact}}, {@code {key.change}}; a stored
 * paragraph writes the same tokens in double braces ({@code {{key}}}) so that an officer's own single braces are text.
 */
final class Tokens {

    static final Pattern TEMPLATE = Pattern.compile("\\{([^{}]*)\\}");
    static final Pattern STORED = Pattern.compile("\\{\\{([^{}]*)\\}\\}");

    /** What a token prints: the phrased value with its unit, the plain number, or the change against last year. */
    enum Form {
        VALUE(""), EXACT("exact"), CHANGE("change");

        final String suffix;

        Form(String suffix) {
            this.suffix = suffix;
        }
    }

    /** One token: the figure key and the form; {@code form} null when the suffix is unknown. */
    record Token(String text, String key, Form form) {
        String stored() {
            return "{{" + key + (form == Form.VALUE ? "" : "." + form.suffix) + "}}";
        }
    }

    /** A piece of a paragraph: text, or a token. */
    record Part(String text, Token token) {
    }

    private Tokens() {
    }

    static Token parse(String inner) {
        int dot = inner.indexOf('.');
        String key = dot < 0 ? inner : inner.substring(0, dot);
        String suffix = dot < 0 ? "" : inner.substring(dot + 1);
        Form form = null;
        for (Form f : Form.values()) {
            if (f.suffix.equals(suffix) && (dot < 0) == f.suffix.isEmpty()) {
                form = f;
            }
        }
        return new Token(inner, key.strip(), form);
    }

    static List<Token> inTemplate(String template) {
        return all(TEMPLATE, template);
    }

    static List<Token> inStored(String body) {
        return all(STORED, body);
    }

    private static List<Token> all(Pattern pattern, String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(parse(m.group(1)));
        }
        return out;
    }

    /** A catalogue sentence as stored text: {key} → {{key}}. */
    static String toStored(String template) {
        return TEMPLATE.matcher(template).replaceAll(r -> Matcher.quoteReplacement("{{" + r.group(1) + "}}"));
    }

    /** A stored paragraph in pieces, for the page (links) and the files (plain text). */
    static List<Part> split(String body) {
        List<Part> out = new ArrayList<>();
        Matcher m = STORED.matcher(body);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Part(body.substring(at, m.start()), null));
            }
            out.add(new Part(null, parse(m.group(1))));
            at = m.end();
        }
        if (at < body.length()) {
            out.add(new Part(body.substring(at), null));
        }
        return out;
    }

    /** Braces left over once the tokens are taken out: "{{foo" or "bar}}" is a broken token. */
    static boolean hasStrayBraces(String body) {
        String rest = STORED.matcher(body).replaceAll("");
        return rest.contains("{{") || rest.contains("}}");
    }
}
