package cn.zugong.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.IntegrationTest;
import cn.zugong.org.Island;
import cn.zugong.org.Islands;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The islands data file (org/islands.csv) as loaded at start, and the loader's refusals of a bad file. */
@IntegrationTest
class IslandBootstrapIT {

    private static final String HEADER = "# test\nkind,code,name,parent,remote\n";

    @Autowired IslandBootstrap bootstrap;
    @Autowired Islands islands;
    @Autowired JdbcClient jdbc;

    @Test
    void theCityIslandsAreLoadedWithEveryVillageOnOne() {
        List<Island> all = islands.all();
        assertThat(all).hasSize(43);
        assertThat(all.stream().filter(Island::remote)).hasSize(29);
        assertThat(count("select count(*) from island_village")).isEqualTo(428);
        // every village of the city (the divisions file's all-digit codes, not other tests' fixtures) lies on exactly
        // one island (the primary key makes "exactly")
        assertThat(jdbc.sql("""
                select n.code from org_node n where n.kind = 'VILLAGE' and n.code like '3309%'
                and not exists (select 1 from island_village iv where iv.village_id = n.id)""").query(String.class)
                .list()).noneMatch(code -> code.matches("\\d+"));

        Map<String, List<String>> villages = all.stream().collect(Collectors.toMap(
                i -> i.countyName() + i.name(), i -> i.villageIds().stream().map(this::code).toList()));
        assertThat(villages.get("普陀区蚂蚁岛")).containsExactly("330903001217");
        assertThat(villages.get("普陀区桃花岛")).containsExactly("330903104001", "330903104202", "330903104208",
                "330903104210", "330903104211", "330903104212", "330903104213", "330903104214");
        assertThat(villages.get("普陀区登步岛")).containsExactly("330903001214", "330903001215", "330903001216");
        assertThat(villages.get("普陀区六横岛")).hasSize(33).doesNotContain("330903100276", "330903100277");
        assertThat(villages.get("嵊泗县泗礁山")).hasSize(16);

        Island benDaoPutuo = all.stream().filter(i -> i.code().equals("330903-01")).findFirst().orElseThrow();
        assertThat(benDaoPutuo.name()).isEqualTo("舟山本岛");
        assertThat(benDaoPutuo.remote()).isFalse();
        assertThat(all.stream().filter(i -> i.name().equals("桃花岛")).findFirst().orElseThrow().remote()).isTrue();
        assertThat(islands.ofVillage(id("330903104202")).map(Island::name)).hasValue("桃花岛");
    }

    @Test
    void runningAgainChangesNothing() {
        long before = count("select count(*) from island_village") + count("select count(*) from island");
        bootstrap.run(new DefaultApplicationArguments());
        assertThat(count("select count(*) from island_village") + count("select count(*) from island"))
                .isEqualTo(before);
    }

    @Test
    void aBadFileIsRefusedWithEveryErrorNamingLineAndFieldAndNothingWritten() {
        long before = count("select count(*) from island");
        String file = HEADER
                + "island,T-1,试验岛,330903,是\n"                          // line 3: fine
                + "island,T-2,错县岛,330999,否\n"                          // line 4: unknown county
                + "island,T-3,乡镇岛,330903104,否\n"                       // line 5: a township is no county
                + "island,T-4,远近岛,330903,也许\n"                         // line 6: remote neither 是 nor 否
                + "village,330903104202,公前村村委会,T-1,\n"                // line 7: fine
                + "village,330903104299,无此村,T-1,\n"                     // line 8: unknown village code
                + "village,330903104202,公前村村委会,T-1,\n"                // line 9: the same village twice
                + "village,330903104208,沙岙村,T-1,\n"                      // line 10: name differs from the divisions
                + "village,330903104210,塔湾村村委会,T-9,\n"                // line 11: island not in the file
                + "village,330902100213,山潭村委会,T-1,\n"                  // line 12: village of another county
                + "hamlet,1,2,3,\n";                                        // line 13: unknown kind
        assertThatThrownBy(() -> bootstrap.load("bad.csv", new StringReader(file)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("bad.csv 有 9 处错误")
                .hasMessageContaining("第4行 字段 parent：县（市、区）代码 330999 不在舟山市的组织树中")
                .hasMessageContaining("第5行 字段 parent：县（市、区）代码 330903104")
                .hasMessageContaining("第6行 字段 remote")
                .hasMessageContaining("第8行 字段 code：村（社区）代码 330903104299 不在舟山市的行政区划中")
                .hasMessageContaining("第9行 字段 code：村（社区）330903104202 已在第7行列在另一个海岛上")
                .hasMessageContaining("第10行 字段 name：330903104208 在行政区划中名为“沙岙村村委会”")
                .hasMessageContaining("第11行 字段 parent：海岛编码 T-9 未在文件中列出")
                .hasMessageContaining("第12行 字段 parent：村（社区）330902100213 不属于海岛 试验岛")
                .hasMessageContaining("第13行 字段 kind");
        assertThat(count("select count(*) from island")).isEqualTo(before);
        assertThat(count("select count(*) from island where code like 'T-%'")).isZero();
    }

    @Test
    void aFileWithAWrongHeaderOrFieldCountIsRefused() {
        assertThatThrownBy(() -> bootstrap.load("h.csv", new StringReader("code,name\nisland,T-1,岛,330903,是\n")))
                .hasMessageContaining("第1行 表头");
        assertThatThrownBy(() -> bootstrap.load("f.csv", new StringReader(HEADER + "island,T-1,岛,330903\n")))
                .hasMessageContaining("第3行：应有 5 个字段，实有 4 个");
    }

    private String code(long nodeId) {
        return jdbc.sql("select code from org_node where id = ?").param(nodeId).query(String.class).single();
    }

    private long id(String code) {
        return jdbc.sql("select id from org_node where code = ?").param(code).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
