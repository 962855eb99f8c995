package cn.zugong.talent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The talent classification (人才分类目录, {@code talent/classification.yaml}): levels A–E with what each grants,
 * categories, fields (自贸重点领域 marked), education, and the codes of titles, awards and programmes. Every part of
 * the talent module reads codes and names from here; a file with an unknown or missing key is refused at start
 * with the key and the reason.
 */
public record Classification(int version, List<Level> levels, Map<String, String> categories, List<Field> fields,
                             Map<String, String> education, Map<String, String> titles, Map<String, String> awards,
                             Map<String, String> programmes, List<SalaryBand> salaryBands) {

    public static final String RESOURCE = "talent/classification.yaml";

    /** A level: A is the highest. {@code grants} are the benefits it carries, as published. */
    public record Level(String code, String name, String description, List<String> grants) {
        public String label() {
            return code + "类 " + name;
        }
    }

    public record Field(String code, String name, boolean key) {
    }

    public record SalaryBand(String code, String name, BigDecimal min) {
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** A level's rank: 0 for A, 1 for B …; a higher level has a smaller rank. */
    public int rank(String levelCode) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(levelCode)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown level: " + levelCode);
    }

    public Optional<Field> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** The codes of a credential kind, with their names. */
    public Map<String, String> credentials(cn.zugong.talent.CredentialKind kind) {
        return switch (kind) {
            case TITLE -> titles;
            case AWARD -> awards;
            case PROGRAMME -> programmes;
        };
    }

    /** The band of an annual salary (yuan); empty when none is given. */
    public Optional<SalaryBand> salaryBand(BigDecimal annualSalary) {
        if (annualSalary == null) {
            return Optional.empty();
        }
        return salaryBands.stream().sorted(Comparator.comparing(SalaryBand::min).reversed())
                .filter(b -> annualSalary.compareTo(b.min()) >= 0).findFirst();
    }

    /** Reads the file from the class path. */
    public static Classification load() {
        try (InputStream in = Classification.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Classification parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> root = new Yaml(new SafeConstructor(options)).load(yaml);
        List<String> problems = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (Map<String, Object> l : list(root, "levels", problems)) {
            levels.add(new Level(text(l, "code", problems), text(l, "name", problems), text(l, "description", problems),
                    l.get("grants") instanceof List<?> g ? g.stream().map(String::valueOf).toList() : List.of()));
        }
        List<Field> fields = new ArrayList<>();
        for (Map<String, Object> f : list(root, "fields", problems)) {
            fields.add(new Field(text(f, "code", problems), text(f, "name", problems), Boolean.TRUE.equals(f.get("key"))));
        }
        List<SalaryBand> bands = new ArrayList<>();
        for (Map<String, Object> b : list(root, "salary_bands", problems)) {
            bands.add(new SalaryBand(text(b, "code", problems), text(b, "name", problems),
                    new BigDecimal(String.valueOf(b.getOrDefault("min", "0")))));
        }
        if (levels.isEmpty()) {
            problems.add("levels: 至少需要一个等级");
        }
        Classification c = new Classification(root.get("version") instanceof Integer v ? v : 0, List.copyOf(levels),
                names(root, "categories", problems), List.copyOf(fields), names(root, "education", problems),
                names(root, "titles", problems), names(root, "awards", problems), names(root, "programmes", problems),
                List.copyOf(bands));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " 有误：" + String.join("；", problems));
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String key, List<String> problems) {
        if (!(root.get(key) instanceof List<?> l)) {
            problems.add(key + ": 缺少列表");
            return List.of();
        }
        return (List<Map<String, Object>>) l;
    }

    private static Map<String, String> names(Map<String, Object> root, String key, List<String> problems) {
        if (!(root.get(key) instanceof Map<?, ?> m) || m.isEmpty()) {
            problems.add(key + ": 缺少代码表");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String text(Map<String, Object> m, String key, List<String> problems) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            problems.add("缺少 " + key + "：" + m);
            return "";
        }
        return String.valueOf(v);
    }
}
