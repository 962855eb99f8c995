package cn.zugong.people.internal;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The fields of a person an allowed role may unmask, by their request name. */
enum PersonalField {
    ID_NUMBER("idNumber", "id_number", "身份证号"),
    PHONE("phone", "phone", "手机号");

    final String param;
    final String column;
    final String label;

    PersonalField(String param, String column, String label) {
        this.param = param;
        this.column = column;
        this.label = label;
    }

    static PersonalField of(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "field 应为 idNumber 或 phone"));
    }
}
