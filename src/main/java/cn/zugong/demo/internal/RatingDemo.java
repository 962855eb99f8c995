package cn.zugong.demo.internal;

import cn.zugong.org.NewPartyOrg;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PartySector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's 两新 party organisations (deterministic): under each township of the city, 5–25 branches of 非公企业
 * (four in five) and 社会组织, the organisations the 五星双强 scheme rates. Written through the org module's public
 * API, once; the rating rounds and the public evaluation are written by {@link RatingRoundsDemo} and
 * {@link PublicEvaluationDemo} after it.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class RatingDemo {

    private static final Logger log = LoggerFactory.getLogger(RatingDemo.class);
    private static final String[] TRADES = {"海洋科技", "船舶修造", "水产食品", "港航物流", "石化新材料", "海洋电子",
            "旅游发展", "远洋渔业", "建设工程", "医药科技", "数字科技", "文化传媒", "能源装备", "供应链管理"};
    /** Place words of company names; never a district's name (scope tests search the tree for 定海, 普陀 …). */
    private static final String[] PLACES = {"金海", "东港", "鲁家峙", "蓝海", "港城", "蓬莱", "长峙", "海星", "新城",
            "东海岸", "桃花", "六横", "秀山", "衢山", "舟渔", "海天", "千岛", "沈家门", "朱家尖", "白泉"};
    private static final String[] SOCIAL = {"行业协会", "商会", "志愿者协会", "社会工作服务中心", "律师事务所",
            "会计师事务所", "民办学校", "养老服务中心", "慈善基金会", "渔业互助会"};

    private final OrgTree tree;
    private final cn.zugong.org.OrgBuilder builder;
    private final long seed;

    RatingDemo(OrgTree tree, cn.zugong.org.OrgBuilder builder, @Value("${zugong.demo.seed:20261123}") long seed) {
        this.tree = tree;
        this.builder = builder;
        this.seed = seed;
    }

    void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || !tree.partyOrgs(city.asScope(), PartySector.LIANGXIN).isEmpty()) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x2A1E5L);
        List<NewPartyOrg> orgs = new ArrayList<>();
        List<OrgNode> townships = new ArrayList<>();
        for (OrgNode county : tree.children(city.id(), city.asScope())) {
            tree.children(county.id(), city.asScope()).stream().filter(n -> n.kind() == NodeKind.TOWNSHIP)
                    .forEach(townships::add);
        }
        for (OrgNode township : townships) {
            int count = 5 + random.nextInt(21);
            for (int i = 1; i <= count; i++) {
                boolean enterprise = random.nextInt(5) > 0;
                String place = PLACES[random.nextInt(PLACES.length)];
                String name = enterprise
                        ? "舟山" + place + TRADES[random.nextInt(TRADES.length)] + "有限公司"
                        : "舟山市" + place + SOCIAL[random.nextInt(SOCIAL.length)];
                boolean committee = enterprise && random.nextInt(12) == 0;
                orgs.add(new NewPartyOrg(township.code(), township.code() + "L" + String.format("%03d", i),
                        name + (committee ? "党委" : "党支部"), 100 + i, committee ? "党委" : "党支部",
                        enterprise ? PartySector.PRIVATE_ENTERPRISE : PartySector.SOCIAL_ORG));
            }
        }
        builder.addPartyOrgs(orgs);
        log.info("Demo 两新 party organisations: {} under {} townships", orgs.size(), townships.size());
    }
}
