package cn.zugong.org.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads Zhoushan's inhabited islands and the villages on each from {@code org/islands.csv} (ADR 068, 073) once the
 * divisions are in the tree (it runs after {@link DivisionBootstrap}). Idempotent: it loads only while the
 * {@code island} table is empty, and only when the city 3309 is in the tree (another prefix has no islands of ours).
 * A bad file stops the start with every error, each naming its line and field: a file that silently dropped
 * villages would make every count by island wrong without anybody noticing.
 */
@Component
@Order(15)
class IslandBootstrap implements ApplicationRunner {

    static final String RESOURCE = "org/islands.csv";
    static final String CITY = "3309";

    private static final Logger log = LoggerFactory.getLogger(IslandBootstrap.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    IslandBootstrap(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean cityInTree = jdbc.sql("select count(*) from org_node where code = ?").param(CITY)
                .query(Long.class).single() > 0;
        if (!cityInTree || jdbc.sql("select count(*) from island").query(Long.class).single() > 0) {
            return;
        }
        try (Reader in = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
                StandardCharsets.UTF_8)) {
            Loaded loaded = load(RESOURCE, in);
            log.info("Loaded {} islands ({} remote) with {} villages from {}", loaded.islands(), loaded.remote(),
                    loaded.villages(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Loaded(int islands, int remote, int villages) {
    }

    /** Checks the whole file against the tree, then writes it in one transaction; throws with every error found. */
    Loaded load(String fileName, Reader in) throws IOException {
        IslandFile file = IslandFile.parse(in);
        List<String> errors = new ArrayList<>(file.errors());
        Map<String, Node> nodes = nodes();
        Map<String, IslandFile.IslandRow> islands = new LinkedHashMap<>();
        for (IslandFile.IslandRow row : file.islands()) {
            Node county = nodes.get(row.countyCode());
            if (islands.containsKey(row.code())) {
                errors.add("第" + row.line() + "行 字段 code：海岛编码 " + row.code() + " 重复");
            } else if (county == null || !county.kind().equals("COUNTY") || !row.countyCode().startsWith(CITY)) {
                errors.add("第" + row.line() + "行 字段 parent：县（市、区）代码 " + row.countyCode() + " 不在舟山市的组织树中");
            } else {
                islands.put(row.code(), row);
            }
        }
        Map<String, Integer> villageLine = new HashMap<>();
        for (IslandFile.VillageRow row : file.villages()) {
            Node village = nodes.get(row.code());
            IslandFile.IslandRow island = islands.get(row.islandCode());
            if (village == null || !village.kind().equals("VILLAGE")) {
                errors.add("第" + row.line() + "行 字段 code：村（社区）代码 " + row.code() + " 不在舟山市的行政区划中");
            } else if (!village.name().equals(row.name())) {
                errors.add("第" + row.line() + "行 字段 name：" + row.code() + " 在行政区划中名为“" + village.name()
                        + "”，文件写作“" + row.name() + "”");
            } else if (villageLine.containsKey(row.code())) {
                errors.add("第" + row.line() + "行 字段 code：村（社区）" + row.code() + " 已在第" + villageLine.get(row.code())
                        + "行列在另一个海岛上，一个村只能在一个岛上");
            } else if (island == null) {
                errors.add("第" + row.line() + "行 字段 parent：海岛编码 " + row.islandCode() + " 未在文件中列出");
            } else if (!row.code().startsWith(island.countyCode())) {
                errors.add("第" + row.line() + "行 字段 parent：村（社区）" + row.code() + " 不属于海岛 " + island.name()
                        + " 所在的县（市、区）" + island.countyCode());
            } else {
                villageLine.put(row.code(), row.line());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(fileName + " 有 " + errors.size() + " 处错误：\n" + String.join("\n", errors));
        }
        tx.executeWithoutResult(status -> write(file, nodes));
        return new Loaded(file.islands().size(), (int) file.islands().stream().filter(IslandFile.IslandRow::remote)
                .count(), file.villages().size());
    }

    private void write(IslandFile file, Map<String, Node> nodes) {
        int order = 0;
        for (IslandFile.IslandRow row : file.islands()) {
            jdbc.sql("insert into island (code, name, county_id, remote, sort_order) values (?, ?, ?, ?, ?)")
                    .params(row.code(), row.name(), nodes.get(row.countyCode()).id(), row.remote(), order++).update();
        }
        Map<String, Long> islandIds = new HashMap<>();
        jdbc.sql("select code, id from island").query((rs, i) -> islandIds.put(rs.getString(1), rs.getLong(2))).list();
        List<Object[]> pairs = file.villages().stream()
                .map(v -> new Object[] {nodes.get(v.code()).id(), islandIds.get(v.islandCode())}).toList();
        template.batchUpdate("insert into island_village (village_id, island_id) values (?, ?)", pairs);
    }

    private record Node(long id, String kind, String name) {
    }

    /** The city's divisions (codes starting with 3309), by code: one query. */
    private Map<String, Node> nodes() {
        Map<String, Node> out = new HashMap<>();
        jdbc.sql("select code, id, kind, name from org_node where code like ? and kind in ('COUNTY', 'VILLAGE')")
                .param(CITY + "%")
                .query((rs, i) -> out.put(rs.getString(1), new Node(rs.getLong(2), rs.getString(3), rs.getString(4))))
                .list();
        return out;
    }

    /** The file's rows, read without the tree: syntax errors only (line and field named). */
    record IslandFile(List<IslandRow> islands, List<VillageRow> villages, List<String> errors) {

        record IslandRow(int line, String code, String name, String countyCode, boolean remote) {
        }

        record VillageRow(int line, String code, String name, String islandCode) {
        }

        static IslandFile parse(Reader reader) throws IOException {
            List<IslandRow> islands = new ArrayList<>();
            List<VillageRow> villages = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            BufferedReader in = new BufferedReader(reader);
            String text;
            int line = 0;
            boolean header = false;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    header = true;
                    if (!text.strip().equals("kind,code,name,parent,remote")) {
                        errors.add("第" + line + "行 表头：应为 kind,code,name,parent,remote");
                        return new IslandFile(islands, villages, errors);
                    }
                    continue;
                }
                String[] f = text.split(",", -1);
                if (f.length != 5) {
                    errors.add("第" + line + "行：应有 5 个字段，实有 " + f.length + " 个");
                    continue;
                }
                for (int i = 0; i < 4; i++) {
                    f[i] = f[i].strip();
                }
                String remote = f[4].strip();
                switch (f[0]) {
                    case "island" -> {
                        if (f[1].isEmpty() || f[1].length() > 20) {
                            errors.add("第" + line + "行 字段 code：海岛编码不能为空，最长 20 个字符");
                        } else if (f[2].isEmpty() || f[2].length() > 50) {
                            errors.add("第" + line + "行 字段 name：岛名不能为空，最长 50 个字符");
                        } else if (!remote.equals("是") && !remote.equals("否")) {
                            errors.add("第" + line + "行 字段 remote：应为“是”或“否”，实为“" + remote + "”");
                        } else {
                            islands.add(new IslandRow(line, f[1], f[2], f[3], remote.equals("是")));
                        }
                    }
                    case "village" -> {
                        if (!remote.isEmpty()) {
                            errors.add("第" + line + "行 字段 remote：村（社区）行不填此字段");
                        } else {
                            villages.add(new VillageRow(line, f[1], f[2], f[3]));
                        }
                    }
                    default -> errors.add("第" + line + "行 字段 kind：应为 island 或 village，实为“" + f[0] + "”");
                }
            }
            return new IslandFile(islands, villages, errors);
        }
    }
}
