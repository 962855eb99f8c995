package cn.zugong.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Zhoushan's inhabited islands and the villages on each (ADR 068), so that any module counts by island: the islands
 * are geography, not anybody's records, so reading them needs no scope (the villages' own figures are scoped by
 * the module that counts them). Two queries for the whole list.
 */
@Service
public class Islands {

    private final JdbcClient jdbc;

    Islands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every island, by county then the data file's order. */
    public List<Island> all() {
        Map<Long, List<Long>> villages = new HashMap<>();
        jdbc.sql("""
                select iv.island_id, iv.village_id from island_village iv join org_node n on n.id = iv.village_id
                order by n.path""")
                .query((rs, i) -> villages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return jdbc.sql("""
                select i.id, i.code, i.name, i.county_id, c.name as county_name, i.remote
                from island i join org_node c on c.id = i.county_id order by c.path, i.sort_order, i.id""")
                .query((rs, i) -> new Island(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("county_id"), rs.getString("county_name"), rs.getBoolean("remote"),
                        List.copyOf(villages.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** The island of each village that lies on one (villages on no listed island are absent). */
    public Map<Long, Island> byVillage() {
        Map<Long, Island> out = new LinkedHashMap<>();
        for (Island island : all()) {
            island.villageIds().forEach(v -> out.put(v, island));
        }
        return out;
    }

    public Optional<Island> ofVillage(long villageId) {
        return Optional.ofNullable(byVillage().get(villageId));
    }
}
