package cn.zugong.talent.internal.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The employer form; the 统一社会信用代码's check character is verified by {@code CreditCodes}. */
record EmployerForm(
        @NotNull(message = "请选择所属区域") Long nodeId,
        @NotBlank(message = "请填写统一社会信用代码") @Size(max = 30, message = "统一社会信用代码过长") String creditCode,
        @NotBlank(message = "请填写单位名称") @Size(max = 200, message = "单位名称过长（不超过 200 个字）") String name,
        @NotBlank(message = "请选择单位类型")
        @Pattern(regexp = "ENTERPRISE|INSTITUTION", message = "单位类型只能为企业或事业单位") String kind,
        @NotBlank(message = "请选择所属行业（领域）") String industry) {
}
