package cn.zugong.talent.internal.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The service catalogue (人才服务事项目录, {@code talent/services.yaml}): areas, material kinds with where the platform
 * may already hold each, and the items with their handling unit (by name), materials, time limit in working days,
 * eligible levels, online or counter, and the high-frequency mark. Read and checked once at start: every problem
 * is reported with its item (or material) and the reason, and stops the start.
 */
public record ServiceCatalogue(int version, Map<String, String> areas, Map<String, MaterialKind> materials,
                               List<ServiceItem> items) {

    public static final String RESOURCE = "talent/services.yaml";
    static final Set<String> LEVELS = Set.of("A", "B", "C", "D", "E");
    private static final Set<String> ITEM_KEYS = Set.of("code", "name", "area", "unit", "materials", "days", "levels",
            "online", "hot");
    private static final Set<String> MATERIAL_KEYS = Set.of("name", "held", "validDays");

    public Optional<ServiceItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public MaterialKind material(String code) {
        return materials.get(code);
    }

    public String areaName(String code) {
        return areas.getOrDefault(code, code);
    }

    public static ServiceCatalogue load() {
        try (InputStream in = ServiceCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses and checks the file; every problem names its item or material and the reason (in Chinese). */
    static ServiceCatalogue parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new IllegalStateException(RESOURCE + " 有误：文件为空或不是映射");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> areas = new LinkedHashMap<>();
        if (root.get("areas") instanceof Map<?, ?> a && !a.isEmpty()) {
            a.forEach((k, v) -> areas.put(String.valueOf(k), String.valueOf(v)));
        } else {
            problems.add("areas：缺少服务领域表");
        }
        Map<String, MaterialKind> materials = new LinkedHashMap<>();
        if (root.get("materials") instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> material(String.valueOf(k), v, problems).ifPresent(x -> materials.put(x.code(), x)));
        } else {
            problems.add("materials：缺少材料表");
        }
        List<ServiceItem> items = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        if (root.get("items") instanceof List<?> list && !list.isEmpty()) {
            int n = 0;
            for (Object o : list) {
                n++;
                item(n, o, areas, materials, problems).ifPresent(i -> {
                    if (!codes.add(i.code())) {
                        problems.add("事项 " + i.code() + "：编码重复");
                    } else {
                        items.add(i);
                    }
                });
            }
        } else {
            problems.add("items：缺少服务事项列表");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " 有误：" + String.join("；", problems));
        }
        return new ServiceCatalogue(root.get("version") instanceof Integer v ? v : 0,
                java.util.Collections.unmodifiableMap(areas), java.util.Collections.unmodifiableMap(materials),
                List.copyOf(items));
    }

    private static Optional<MaterialKind> material(String code, Object value, List<String> problems) {
        String where = "材料 " + code;
        if (!(value instanceof Map<?, ?> m)) {
            problems.add(where + "：应为 {name, held} 映射");
            return Optional.empty();
        }
        m.keySet().stream().map(String::valueOf).filter(k -> !MATERIAL_KEYS.contains(k))
                .forEach(k -> problems.add(where + "：未知字段 " + k));
        String name = m.get("name") == null ? null : String.valueOf(m.get("name"));
        if (name == null || name.isBlank()) {
            problems.add(where + "：缺少名称 name");
        }
        HeldFrom held;
        try {
            held = HeldFrom.valueOf(String.valueOf(m.get("held")));
        } catch (IllegalArgumentException e) {
            problems.add(where + "：held 应为 " + java.util.Arrays.toString(HeldFrom.values()) + " 之一，实际为 "
                    + m.get("held"));
            return Optional.empty();
        }
        Integer validDays = null;
        if (m.get("validDays") != null) {
            if (!(m.get("validDays") instanceof Integer d) || d <= 0) {
                problems.add(where + "：validDays 应为正整数");
                return Optional.empty();
            }
            if (held != HeldFrom.EARLIER) {
                problems.add(where + "：只有 held: EARLIER 的材料可以设 validDays");
            }
            validDays = d;
        }
        return Optional.of(new MaterialKind(code, name, held, validDays));
    }

    private static Optional<ServiceItem> item(int n, Object value, Map<String, String> areas,
                                              Map<String, MaterialKind> materials, List<String> problems) {
        if (!(value instanceof Map<?, ?> m)) {
            problems.add("第 " + n + " 个事项：应为映射");
            return Optional.empty();
        }
        String code = m.get("code") == null ? null : String.valueOf(m.get("code"));
        String where = code == null || code.isBlank() ? "第 " + n + " 个事项" : "事项 " + code;
        int before = problems.size();
        m.keySet().stream().map(String::valueOf).filter(k -> !ITEM_KEYS.contains(k))
                .forEach(k -> problems.add(where + "：未知字段 " + k));
        if (code == null || !code.matches("[A-Z0-9_]{2,20}")) {
            problems.add(where + "：编码 code 应为 2–20 位大写字母、数字或下划线");
        }
        String name = m.get("name") == null ? "" : String.valueOf(m.get("name")).strip();
        if (name.isEmpty() || name.length() > 60) {
            problems.add(where + "：名称 name 不能为空，且不超过 60 字");
        }
        String area = String.valueOf(m.get("area"));
        if (!areas.containsKey(area)) {
            problems.add(where + "：服务领域 " + area + " 不在 areas 中");
        }
        String unit = m.get("unit") == null ? "" : String.valueOf(m.get("unit")).strip();
        if (unit.isEmpty()) {
            problems.add(where + "：缺少承办单位 unit");
        }
        List<String> needed = new ArrayList<>();
        if (m.get("materials") instanceof List<?> ms && !ms.isEmpty()) {
            for (Object o : ms) {
                String mc = String.valueOf(o);
                if (!materials.containsKey(mc)) {
                    problems.add(where + "：材料 " + mc + " 不在 materials 中");
                } else if (needed.contains(mc)) {
                    problems.add(where + "：材料 " + mc + " 重复");
                } else {
                    needed.add(mc);
                }
            }
        } else {
            problems.add(where + "：缺少所需材料 materials");
        }
        int days = 0;
        if (m.get("days") instanceof Integer d && d > 0 && d <= 60) {
            days = d;
        } else {
            problems.add(where + "：办理时限 days 应为 1–60 个工作日，实际为 " + m.get("days"));
        }
        Set<String> levels = new LinkedHashSet<>();
        boolean all = false;
        if ("ALL".equals(m.get("levels"))) {
            all = true;
        } else if (m.get("levels") instanceof List<?> ls && !ls.isEmpty()) {
            for (Object o : ls) {
                if (!LEVELS.contains(String.valueOf(o))) {
                    problems.add(where + "：层次 " + o + " 不是 A–E");
                }
                levels.add(String.valueOf(o));
            }
        } else {
            problems.add(where + "：levels 应为 ALL 或 A–E 的列表");
        }
        if (!(m.get("online") instanceof Boolean)) {
            problems.add(where + "：online 应为 true（线上办理）或 false（专窗办理）");
        }
        if (!(m.get("hot") instanceof Boolean)) {
            problems.add(where + "：hot 应为 true 或 false（是否高频事项）");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ServiceItem(code, name, area, unit, List.copyOf(needed), days, all, Set.copyOf(levels),
                (Boolean) m.get("online"), (Boolean) m.get("hot")));
    }

    /** Where the platform may already hold a material. */
    public enum HeldFrom {
        ID_NUMBER("人才库（身份证号）"), EDUCATION("人才库（学历）"), TITLE("人才库（职称）"), EMPLOYER("人才库（用人单位）"),
        RECOGNITION("人才认定"), EARLIER("以往申请"), NONE("每次提交");

        private final String label;

        HeldFrom(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A kind of material; {@code validDays}: an earlier upload is reused only that long (null: no limit). */
    public record MaterialKind(String code, String name, HeldFrom held, Integer validDays) {
    }

    /** An item of the catalogue; {@code allTalents}: every registered talent may apply, else only {@code levels}. */
    public record ServiceItem(String code, String name, String area, String unitName, List<String> materials,
                              int days, boolean allTalents, Set<String> levels, boolean online, boolean hot) {

        public boolean eligible(String level) {
            return allTalents || level != null && levels.contains(level);
        }

        /** The levels as shown: 全部人才 or A/B/C类人才. */
        public String levelsText() {
            return allTalents ? "全部登记人才" : String.join("/", levels.stream().sorted().toList()) + "类人才";
        }
    }
}
