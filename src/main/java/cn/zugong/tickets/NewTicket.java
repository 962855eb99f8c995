package cn.zugong.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A problem to put on the list. {@code unitId}: the unit it concerns, inside the raiser's scope, which becomes
 * the first responsible unit until triage; {@code sourceRef}: e.g. the visit's id for a ticket raised from a visit,
 * the hotline's work-order number; {@code cadreUsername} / {@code cadreName}: the service cadre who found it (a
 * cadre raising a ticket is its cadre anyway). The annotations are the form's checks, with the service's words;
 * the service checks the same for callers that do not come through a form.
 */
public record NewTicket(
        @NotBlank(message = "请选择问题类别") String category,
        @NotBlank(message = "请选择问题来源") String source,
        @Size(max = 100, message = "来源编号过长（不超过 100 个字）") String sourceRef,
        @NotNull(message = "请选择问题涉及的单位") Long unitId,
        @Size(max = 200, message = "问题标题过长（不超过 200 个字）") String title,
        @NotBlank(message = "请填写问题描述") @Size(max = 2000, message = "问题描述过长（不超过 2000 个字）")
        String description,
        @Size(max = 50, message = "请求人姓名过长（不超过 50 个字）") String requesterName,
        @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "请求人联系电话格式不正确：只能是 5–20 位数字")
        String requesterPhone,
        @Size(max = 50, message = "服务干部账号过长（不超过 50 个字）") String cadreUsername,
        @Size(max = 50, message = "服务干部姓名过长（不超过 50 个字）") String cadreName) {

    /** An empty form. */
    public static NewTicket blank() {
        return new NewTicket(null, null, null, null, null, null, null, null, null, null);
    }
}
