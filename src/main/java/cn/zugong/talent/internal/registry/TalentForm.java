package cn.zugong.talent.internal.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The talent form (登记 / 修改). Gender and birth date may be left blank: they are read from the ID number; when
 * typed they must agree with it. Credentials are the codes of the classification, one list per kind.
 */
record TalentForm(
        @NotNull(message = "请选择所属区域") Long nodeId,
        Long employerId,
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名过长（不超过 50 个字）") String name,
        @Pattern(regexp = "男|女", message = "性别只能为“男”或“女”") String gender,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
        @Size(max = 30, message = "身份证号过长") String idNumber,
        @Pattern(regexp = "1[3-9][0-9]{9}", message = "手机号格式不正确：应为 11 位手机号码") String phone,
        @Email(message = "电子邮箱格式不正确") @Size(max = 100, message = "电子邮箱过长（不超过 100 个字符）") String email,
        @NotBlank(message = "请选择人才类别") String category,
        @NotBlank(message = "请选择所属领域") String field,
        @NotBlank(message = "请选择学历") String education,
        @Size(max = 100, message = "毕业院校过长（不超过 100 个字）") String school,
        @Size(max = 100, message = "专业过长（不超过 100 个字）") String major,
        @DecimalMin(value = "0", message = "年薪不能为负数")
        @DecimalMax(value = "9999999999", message = "年薪过大") BigDecimal annualSalary,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivedOn,
        List<String> titles,
        List<String> awards,
        List<String> programmes) {

    TalentForm {
        gender = blankToNull(gender);
        phone = blankToNull(phone);
        email = blankToNull(email);
        school = blankToNull(school);
        major = blankToNull(major);
        titles = titles == null ? List.of() : titles;
        awards = awards == null ? List.of() : awards;
        programmes = programmes == null ? List.of() : programmes;
    }

    /**
     * The form as saved on an edit: the edit page never shows the whole ID number or phone (that would be an
     * unaudited unmask), so a blank one keeps the stored value.
     */
    TalentForm withStored(String storedIdNumber, String storedPhone) {
        return new TalentForm(nodeId, employerId, name, gender, birthDate,
                idNumber == null || idNumber.isBlank() ? storedIdNumber : idNumber, phone == null ? storedPhone : phone,
                email, category, field, education, school, major, annualSalary, arrivedOn, titles, awards, programmes);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static TalentForm blank(Long nodeId) {
        return new TalentForm(nodeId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, List.of(), List.of(), List.of());
    }
}
