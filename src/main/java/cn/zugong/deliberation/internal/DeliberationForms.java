package cn.zugong.deliberation.internal;

import cn.zugong.deliberation.NewMatter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The request records of the 三事分流 pages and API, each with the checks (and the Chinese words) of the service
 * it feeds; the services check the same for callers that do not come through a form.
 */
final class DeliberationForms {

    private DeliberationForms() {
    }

    /** The matter list's filters: one community by id or by code, a kind, a status, the page. */
    record MatterFilter(Long nodeId, @Size(max = 30, message = "村（社区）代码过长") String code, String kind,
                        String status, Integer page) {
    }

    /** 登记事项. */
    record MatterForm(
            @NotNull(message = "请选择村（社区）") Long nodeId,
            @NotBlank(message = "请填写事项名称") @Size(max = 200, message = "事项名称过长（不超过 200 个字）") String title,
            @Size(max = 2000, message = "事项描述过长（不超过 2000 个字）") String description,
            @NotBlank(message = "请填写反映人") @Size(max = 50, message = "反映人过长（不超过 50 个字）") String raisedBy,
            @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "联系电话格式不正确：只能包含数字、空格、+ 和 -") String phone,
            @Size(max = 100, message = "所属网格过长（不超过 100 个字）") String grid,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedOn,
            @Size(max = 500, message = "佐证材料说明过长（不超过 500 个字）") String evidence) {

        static MatterForm blank(long nodeId, LocalDate today) {
            return new MatterForm(nodeId, null, null, null, null, null, today, null);
        }

        NewMatter matter() {
            return new NewMatter(nodeId, title, description, raisedBy, phone, grid, raisedOn, evidence);
        }
    }

    /** 归类 / 重新归类 on the 三事归类单. */
    record Classification(@NotBlank(message = "请选择归类：大事、小事或私事") String kind,
                          @NotBlank(message = "请填写归类理由") @Size(max = 1000, message = "归类理由过长（不超过 1000 个字）")
                          String reason) {
    }

    /** A community's schedule of one year (none: this year). */
    record CommunityYear(@NotNull(message = "请选择村（社区）") Long nodeId, Integer year) {
    }

    /** 安排会议. */
    record MeetingForm(@NotNull(message = "请选择村（社区）") Long nodeId, String level,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @Size(max = 200, message = "会议地点过长（不超过 200 个字）") String place) {
    }

    /** 调整会议日期, with the reason. */
    record Move(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @NotBlank(message = "请填写调整理由") @Size(max = 500, message = "调整理由过长（不超过 500 个字）")
                String reason) {
    }

    /**
     * The figures of a node (none: the caller's own) between two days (none: this year so far); the same record
     * binds the figures page, its Excel export and {@code GET /api/deliberation/figures}.
     */
    record FigureRange(Long nodeId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }
}
