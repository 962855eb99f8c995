package cn.zugong.lighting.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A task as typed in the form or a row of the import file: everything text, checked by {@link TaskValidator}.
 * Units are named as people write them (定海区教育局); co-units separated by 、 or commas; plan = twelve
 * cumulative percentages separated by commas.
 */
public record TaskForm(String code, String title, String leadUnit, String coUnits, String weight, String target,
                       String measure, String plan, String deadline, String sourceItem) {

    public static TaskForm of(Task t) {
        return new TaskForm(t.code(), t.title(), t.leadUnitName(), t.coUnitNames(),
                t.weight().stripTrailingZeros().toPlainString(), t.target().stripTrailingZeros().toPlainString(),
                t.measure(), t.planText(), t.deadline().toString(), t.sourceItem());
    }

    public static TaskForm empty(int year) {
        return new TaskForm("", "", "", "", "1", "", "", "0,0,10,20,30,40,50,60,70,80,90,100", year + "-12-31", "");
    }

    List<String> coUnitNames() {
        if (coUnits == null || coUnits.isBlank()) {
            return List.of();
        }
        return Arrays.stream(coUnits.split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    List<String> allUnitNames() {
        return Stream.concat(Stream.ofNullable(leadUnit).map(String::strip), coUnitNames().stream()).toList();
    }
}
