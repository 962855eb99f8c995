package cn.zugong.security.attack;

import cn.zugong.shared.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * What an attacker rebuilds from one person as the API shows it to a role that may not unmask: the ID numbers
 * that agree with the masked form (first four and last four digits), the birth information shown (a whole date,
 * or only 出生年月), the gender (the 17th digit's parity), the Zhejiang area codes (the divisions file) and the
 * GB 11643 check digit. More than one candidate must remain; a whole-ID search could otherwise confirm it.
 */
final class IdInference {

    private static final Pattern MASK = Pattern.compile("^(\\d{4})\\*{10}(\\d{3})([\\dX])$");
    private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$|^(\\d{4})年(\\d{1,2})月$");
    private static final List<String> AREAS = areas();

    private IdInference() {
    }

    /** The persons (JSON objects with a masked ID number) anywhere in an answer. */
    static List<JsonNode> persons(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            if (node.has("idNumberMasked")) {
                found.add(node);
            }
            node.elements().forEachRemaining(child -> walk(child, found));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, found));
        }
    }

    /** The ID numbers that agree with everything the person's JSON shows. */
    static List<String> candidates(JsonNode person) {
        Matcher mask = MASK.matcher(person.path("idNumberMasked").asText());
        if (!mask.matches()) {
            return List.of("(unmasked or unknown form: " + person.path("idNumberMasked").asText() + ")");
        }
        List<LocalDate> days = birthDays(person);
        String gender = person.path("gender").asText("");
        List<String> found = new ArrayList<>();
        for (String area : AREAS) {
            if (!area.startsWith(mask.group(1))) {
                continue;
            }
            for (LocalDate day : days) {
                String first17 = area + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + mask.group(2);
                int sex = first17.charAt(16) - '0';
                if ((gender.equals("男") && sex % 2 == 0) || (gender.equals("女") && sex % 2 == 1)) {
                    continue;
                }
                if (IdNumbers.checkChar(first17) == mask.group(3).charAt(0)) {
                    found.add(first17 + mask.group(3));
                }
            }
        }
        return found;
    }

    /** The birth days the answer allows: one for a whole date, the month's days for 出生年月, a century else. */
    private static List<LocalDate> birthDays(JsonNode person) {
        for (Iterator<Map.Entry<String, JsonNode>> it = person.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!field.getKey().toLowerCase().contains("birth")) {
                continue;
            }
            JsonNode value = field.getValue();
            String text = value.isArray() ? String.join("-", java.util.stream.StreamSupport.stream(value.spliterator(),
                    false).map(n -> String.format("%02d", n.asInt())).toList()) : value.asText();
            Matcher day = DAY.matcher(text);
            if (day.find()) {
                return List.of(LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(3))));
            }
            Matcher month = MONTH.matcher(text);
            if (month.find()) {
                int year = Integer.parseInt(month.group(1) != null ? month.group(1) : month.group(3));
                int m = Integer.parseInt(month.group(2) != null ? month.group(2) : month.group(4));
                YearMonth ym = YearMonth.of(year, m);
                List<LocalDate> days = new ArrayList<>();
                for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                    days.add(ym.atDay(d));
                }
                return days;
            }
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(1950, 1, 1); d.isBefore(LocalDate.of(2010, 1, 1)); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** Every county-level code of Zhejiang (and each city's own, as older numbers carry it). */
    private static List<String> areas() {
        try {
            List<String> codes = new ArrayList<>();
            String csv = new ClassPathResource("data/divisions-zhejiang.csv").getContentAsString(StandardCharsets.UTF_8);
            for (String line : csv.split("\n")) {
                String code = line.split(",")[0].strip();
                if (code.matches("\\d{6}")) {
                    codes.add(code);
                } else if (code.matches("\\d{4}")) {
                    codes.add(code + "00");
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
