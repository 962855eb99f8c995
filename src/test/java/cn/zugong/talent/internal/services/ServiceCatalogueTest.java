package cn.zugong.talent.internal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue file: its counts as the seed has them, and a broken file refused with the item and the reason. */
class ServiceCatalogueTest {

    @Test
    void theFileHoldsFifteenAreasEightyItemsThirtyFiveHighFrequency() {
        ServiceCatalogue c = ServiceCatalogue.load();
        assertThat(c.areas()).hasSize(15).containsValues("入职到岗", "子女就学", "住房安居", "配偶就业", "医疗保健", "落户",
                "出入境", "创业融资");
        assertThat(c.items()).hasSize(80);
        assertThat(c.items().stream().filter(ServiceCatalogue.ServiceItem::hot).count()).isEqualTo(35);
        assertThat(c.items().stream().map(ServiceCatalogue.ServiceItem::area).collect(Collectors.toSet()))
                .isEqualTo(c.areas().keySet());
        assertThat(c.materials().values()).extracting(ServiceCatalogue.MaterialKind::name)
                .contains("身份证", "学历学位证书", "人才认定证书", "劳动合同", "社保缴纳证明", "购房合同", "结婚证", "户口簿", "子女出生证明");
        assertThat(c.item("S0201").orElseThrow().eligible("D")).isTrue();
        assertThat(c.item("S0201").orElseThrow().eligible("E")).isFalse();
        assertThat(c.item("S0201").orElseThrow().eligible(null)).isFalse();
        assertThat(c.item("S0101").orElseThrow().eligible(null)).isTrue();
    }

    @Test
    void aBrokenFileIsRefusedWithTheItemAndTheReason() {
        String yaml = """
                version: 1
                areas: {ONBOARD: 入职到岗}
                materials:
                  ID_CARD: {name: 身份证, held: ID_NUMBER}
                  BAD: {name: 坏材料, held: SOMEWHERE}
                items:
                  - {code: S1, name: 报到, area: ONBOARD, unit: 市人力资源和社会保障局, materials: [ID_CARD, PASSPORT], days: 3, levels: ALL, online: true, hot: true}
                  - {code: S2, name: 入园, area: SCHOOL, unit: 市教育局, materials: [ID_CARD], days: 0, levels: [A, F], online: yes-please, hot: false}
                  - {code: S1, name: 重复, area: ONBOARD, unit: 市教育局, materials: [ID_CARD], days: 3, levels: ALL, online: true, hot: false, colour: red}
                  - {code: S3, name: 无单位, area: ONBOARD, materials: [ID_CARD], days: 3, levels: ALL, online: true, hot: false}
                """;
        assertThatThrownBy(() -> ServiceCatalogue.parse(yaml)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("材料 BAD：held 应为")
                .hasMessageContaining("事项 S1：材料 PASSPORT 不在 materials 中")
                .hasMessageContaining("事项 S2：服务领域 SCHOOL 不在 areas 中")
                .hasMessageContaining("事项 S2：办理时限 days 应为 1–60 个工作日，实际为 0")
                .hasMessageContaining("事项 S2：层次 F 不是 A–E")
                .hasMessageContaining("事项 S2：online 应为 true（线上办理）或 false（专窗办理）")
                .hasMessageContaining("事项 S1：未知字段 colour")
                .hasMessageContaining("事项 S3：缺少承办单位 unit");
        String duplicate = """
                areas: {ONBOARD: 入职到岗}
                materials: {ID_CARD: {name: 身份证, held: ID_NUMBER}}
                items:
                  - {code: S1, name: 报到, area: ONBOARD, unit: 市教育局, materials: [ID_CARD], days: 3, levels: ALL, online: true, hot: true}
                  - {code: S1, name: 报到二, area: ONBOARD, unit: 市教育局, materials: [ID_CARD], days: 3, levels: ALL, online: true, hot: true}
                """;
        assertThatThrownBy(() -> ServiceCatalogue.parse(duplicate)).hasMessageContaining("事项 S1：编码重复");
    }
}
