package cn.zugong.talent.internal.services;

import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.services.ServiceCatalogue.MaterialKind;
import cn.zugong.talent.internal.services.ServiceCatalogue.ServiceItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of an item's materials the platform already holds for a talent (and so reuses) and which the talent must
 * hand in: the one rule, used by the apply page, the application itself, the counter and the demo's history.
 * Pure: the caller passes the talent, the talent's earlier uploads by material and the day.
 */
public final class MaterialCheck {

    private MaterialCheck() {
    }

    /** Source of a material on an application, as stored in talent_service_material.source. */
    public enum Source {
        REGISTRY, RECOGNITION, EARLIER, UPLOAD
    }

    /** An earlier upload of the talent: its application, number and day. */
    public record Earlier(long applicationId, String applicationNo, LocalDate on) {
    }

    /** One material of an item for a talent: held (with where from and why) or to be handed in. */
    public record Need(String code, String name, Source source, Long fromApplication, String why) {
        public boolean reused() {
            return source != Source.UPLOAD;
        }
    }

    static List<Need> check(ServiceItem item, ServiceCatalogue catalogue, TalentRecord t,
                            Map<String, Earlier> earlier, Classification classification, LocalDate today) {
        List<Need> needs = new ArrayList<>();
        for (String code : item.materials()) {
            MaterialKind m = catalogue.material(code);
            needs.add(need(m, t, earlier.get(code), classification, today));
        }
        return List.copyOf(needs);
    }

    private static Need need(MaterialKind m, TalentRecord t, Earlier earlier, Classification classification,
                             LocalDate today) {
        switch (m.held()) {
            case ID_NUMBER -> {
                if (t.idNumber() != null && !t.idNumber().isBlank()) {
                    return held(m, Source.REGISTRY, null, "人才库已登记身份证号");
                }
            }
            case EDUCATION -> {
                if (t.education() != null) {
                    return held(m, Source.REGISTRY, null, "人才库已登记学历："
                            + classification.education().getOrDefault(t.education(), t.education()));
                }
            }
            case TITLE -> {
                var title = t.credentials().stream().filter(c -> c.kind() == CredentialKind.TITLE).findFirst();
                if (title.isPresent()) {
                    return held(m, Source.REGISTRY, null, "人才库已登记职称："
                            + classification.titles().getOrDefault(title.get().code(), title.get().code()));
                }
            }
            case EMPLOYER -> {
                if (t.employerId() != null) {
                    return held(m, Source.REGISTRY, null, "人才库已登记用人单位：" + t.employerName());
                }
            }
            case RECOGNITION -> {
                if (t.level() != null && (t.levelUntil() == null || !t.levelUntil().isBefore(today))) {
                    return held(m, Source.RECOGNITION, null, "已认定为" + t.level() + "类人才"
                            + (t.levelUntil() == null ? "" : "（有效期至 " + t.levelUntil() + "）"));
                }
            }
            case EARLIER -> {
                if (earlier != null && (m.validDays() == null || !earlier.on().plusDays(m.validDays()).isBefore(today))) {
                    return held(m, Source.EARLIER, earlier.applicationId(), earlier.on() + " 申请 "
                            + earlier.applicationNo() + " 时已提交");
                }
            }
            case NONE -> {
                return new Need(m.code(), m.name(), Source.UPLOAD, null, "每次申请需重新提交");
            }
        }
        return new Need(m.code(), m.name(), Source.UPLOAD, null, why(m, earlier));
    }

    private static String why(MaterialKind m, Earlier earlier) {
        return switch (m.held()) {
            case RECOGNITION -> "尚无有效的人才认定";
            case EARLIER -> earlier == null ? "平台尚无此材料" : "上次提交已超过 " + m.validDays() + " 天有效期";
            default -> "人才库尚无此信息";
        };
    }

    private static Need held(MaterialKind m, Source source, Long from, String why) {
        return new Need(m.code(), m.name(), source, from, why);
    }
}
