package cn.zugong.cadre.internal.young;

import cn.zugong.people.RosterVocabulary;
import cn.zugong.people.YoungCadreRoster.Criteria;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The 年轻干部库's entry rules as data: {@code classpath:cadres/young-entry-rules.csv}, one row a level (age limit,
 * lowest education, lowest rank, fewest years of service). Read and checked once at start; a wrong file stops the
 * application with every error named (file, row, column, value), so a bad edit never reaches a 预审.
 */
@Component
public class EntryRules {

    static final String FILE = "cadres/young-entry-rules.csv";
    static final List<String> HEADER = List.of("level", "label", "max_age", "min_education", "min_rank",
            "min_service_years");

    /** A level of the pool with its criteria. */
    public record Rule(String level, String label, Criteria criteria) {
        public String describe() {
            return label + "：" + criteria.maxAge() + "周岁以下，" + criteria.minEducation() + "及以上学历，"
                    + criteria.minRank() + "及以上职级，工作" + criteria.minServiceYears() + "年以上";
        }
    }

    private final Map<String, Rule> rules;

    EntryRules() throws IOException {
        try (InputStream in = EntryRules.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("年轻干部入库条件文件缺失：" + FILE);
            }
            this.rules = parse(FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Parses the rule file; every error of the file at once in the exception's message. */
    static Map<String, Rule> parse(String file, String text) {
        Map<String, Rule> out = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        boolean header = false;
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            int row = n + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split(",", -1)).stream().map(String::strip).toList();
            if (!header) {
                if (!cells.equals(HEADER)) {
                    errors.add(file + " 第" + row + "行：表头应为 " + String.join(",", HEADER));
                }
                header = true;
                continue;
            }
            if (cells.size() != HEADER.size()) {
                errors.add(file + " 第" + row + "行：应有" + HEADER.size() + "列，实有" + cells.size() + "列");
                continue;
            }
            int before = errors.size();
            String level = cells.get(0);
            if (!level.matches("[A-Z_]{2,20}")) {
                errors.add(cell(file, row, 1, "level", level, "应为2–20位大写字母"));
            } else if (out.containsKey(level)) {
                errors.add(cell(file, row, 1, "level", level, "重复"));
            }
            if (cells.get(1).isEmpty()) {
                errors.add(cell(file, row, 2, "label", "", "不能为空"));
            }
            int age = number(errors, file, row, 3, "max_age", cells.get(2), 18, 60);
            if (!RosterVocabulary.EDUCATIONS.contains(cells.get(3))) {
                errors.add(cell(file, row, 4, "min_education", cells.get(3), "应为" + RosterVocabulary.EDUCATIONS));
            }
            if (!RosterVocabulary.RANKS.contains(cells.get(4))) {
                errors.add(cell(file, row, 5, "min_rank", cells.get(4), "不是职级"));
            }
            int years = number(errors, file, row, 6, "min_service_years", cells.get(5), 0, 40);
            if (errors.size() == before) {
                out.put(level, new Rule(level, cells.get(1), new Criteria(age, cells.get(3), cells.get(4), years)));
            }
        }
        if (!header) {
            errors.add(file + "：没有表头和规则");
        } else if (out.isEmpty() && errors.isEmpty()) {
            errors.add(file + "：至少需要一条规则");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("年轻干部入库条件有误：\n" + String.join("\n", errors));
        }
        return out;
    }

    private static int number(List<String> errors, String file, int row, int col, String field, String value,
                              int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                errors.add(cell(file, row, col, field, value, "应在" + min + "–" + max + "之间"));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(cell(file, row, col, field, value, "不是整数"));
            return 0;
        }
    }

    private static String cell(String file, int row, int col, String field, String value, String why) {
        return file + " 第" + row + "行第" + col + "列（" + field + "）「" + value + "」：" + why;
    }

    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    public Rule of(String level) {
        Rule r = level == null ? null : rules.get(level);
        if (r == null) {
            throw new cn.zugong.shared.BadRequestException("未知的年轻干部类别：" + level);
        }
        return r;
    }

    public boolean has(String level) {
        return level != null && rules.containsKey(level);
    }
}
