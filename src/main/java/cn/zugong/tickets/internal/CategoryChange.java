package cn.zugong.tickets.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A category's processing time limit in days and whether it is offered for new tickets. */
record CategoryChange(
        @NotNull(message = "请填写处理时限（天）")
        @Min(value = 1, message = "处理时限（天）须为 1–365 之间的整数：${validatedValue}")
        @Max(value = 365, message = "处理时限（天）须为 1–365 之间的整数：${validatedValue}") Integer slaDays,
        Boolean active) {
}
