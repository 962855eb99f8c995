package cn.zugong.security.attack;

import cn.zugong.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Plausible values for a route's parameters, so that a write is refused for the caller's rights or scope and
 * not because a field was missing or malformed: by the parameter's name (a month is "2026-05", a satisfaction
 * SATISFIED …), else by its type. Dates are fixed (a deadline is the test clock's today plus 20 days).
 */
final class Values {

    static final String TEXT = "越权测试内容";
    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("month", "2026-05");
        BY_NAME.put("actual", "5");
        BY_NAME.put("action", "submit");
        BY_NAME.put("decision", "approve");
        BY_NAME.put("approve", "true");
        BY_NAME.put("submit", "true");
        BY_NAME.put("field", "idNumber");
        BY_NAME.put("role", "ADMIN");
        BY_NAME.put("scopeCode", "3309");
        BY_NAME.put("username", "attack-newbie");
        BY_NAME.put("displayName", "攻击新账号");
        BY_NAME.put("phone", "13905800777");
        BY_NAME.put("requesterPhone", "13905800777");
        BY_NAME.put("requesterName", "越权测试居民");
        BY_NAME.put("raisedBy", "越权测试居民");
        BY_NAME.put("creditCode", "91330902MA2AXXXX0X");
        BY_NAME.put("kind", "SMALL");
        BY_NAME.put("type", "WARM_ENTERPRISE");
        BY_NAME.put("targetKind", "ENTERPRISE");
        BY_NAME.put("from", "2026-01-01");
        BY_NAME.put("to", "2026-12-31");
        BY_NAME.put("date", "2026-05-15");
        BY_NAME.put("raisedOn", "2026-05-06");
        BY_NAME.put("level", "GRID");
        BY_NAME.put("year", "2026");
        BY_NAME.put("quarter", "2");
        BY_NAME.put("slaDays", "10");
        BY_NAME.put("active", "true");
        BY_NAME.put("category", "OTHER");
        BY_NAME.put("source", "HOTLINE");
        BY_NAME.put("sourceRef", "12345-ATTACK");
        BY_NAME.put("satisfaction", "SATISFIED");
        BY_NAME.put("format", "docx");
        BY_NAME.put("period", "year");
        BY_NAME.put("direction", "HIGHER_IS_BETTER");
        BY_NAME.put("red", "0.1");
        BY_NAME.put("yellow", "0.2");
        BY_NAME.put("blue", "0.3");
        BY_NAME.put("low", "0.1");
        BY_NAME.put("high", "0.9");
        BY_NAME.put("current", IntegrationTest.PASSWORD);
        BY_NAME.put("next", "Attack#Pass-2027x");
        BY_NAME.put("confirmation", "Attack#Pass-2027x");
        BY_NAME.put("q", "探针");
        BY_NAME.put("code", "ATK-1");
        BY_NAME.put("weight", "1");
        BY_NAME.put("target", "10");
        BY_NAME.put("measure", "人");
        BY_NAME.put("plan", "0,0,0,0,0,0,0,0,0,0,0,100");
        BY_NAME.put("deadline", "2026-12-31");
        BY_NAME.put("meetingDate", "2026-05-06");
        BY_NAME.put("openDay", "1");
        BY_NAME.put("closeDay", "10");
        BY_NAME.put("remindDays", "3");
        BY_NAME.put("bluePercent", "100");
        BY_NAME.put("yellowPercent", "80");
        BY_NAME.put("stallMonths", "2");
        BY_NAME.put("pointsGreen", "100");
        BY_NAME.put("pointsBlue", "90");
        BY_NAME.put("pointsYellow", "70");
        BY_NAME.put("pointsPurple", "40");
        BY_NAME.put("pointsRed", "0");
        BY_NAME.put("domain", "人才工作");
        BY_NAME.put("leadUnit", "普陀区越权探针局");
        // filters and paging are left out: a write carries none, a read is attacked through its ids
        for (String omitted : new String[] {"status", "colour", "overdue", "escalation", "page", "size", "limit",
                "ageMin", "ageMax", "years", "by", "cadre", "mobile", "gender", "education", "rank", "political",
                "redPercent", "webhookUrl", "coUnits", "sourceItem", "actor", "objectType", "visitId"}) {
            BY_NAME.put(omitted, null);
        }
    }

    private Values() {
    }

    /** Where a name means something else on one route. */
    private static final Map<String, String> BY_ROUTE = Map.of(
            "/service/visits kind", "ENTERPRISE",
            "/service/visits date", "2026-05-15");

    /** The value for a parameter of a route that is not an id; null to leave it out. */
    static String of(Route route, String name, Class<?> type) {
        String key = route.pattern() + " " + name;
        return BY_ROUTE.containsKey(key) ? BY_ROUTE.get(key) : of(name, type);
    }

    /** The value for a parameter that is not an id; null to leave it out. */
    static String of(String name, Class<?> type) {
        if (BY_NAME.containsKey(name)) {
            return BY_NAME.get(name);
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true";
        }
        if (type == Integer.class || type == int.class) {
            return "1";
        }
        if (type == BigDecimal.class) {
            return "5";
        }
        if (type == LocalDate.class) {
            return "2026-12-31";
        }
        return type == String.class ? TEXT : null;
    }

    /** A JSON value of the type: a number, a boolean or a string. */
    static Object json(String value, Class<?> type) {
        if (value == null) {
            return null;
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return Long.valueOf(value);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(value);
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.valueOf(value);
        }
        return value;
    }

    /** A well-formed file for the route: a small workbook for imports, else a PDF or PNG that passes the magic check. */
    static Upload file(Route route, String name) {
        if (route.pattern().endsWith("/import")) {
            return new Upload("导入.xlsx", workbook());
        }
        if (name.equals("photos")) {
            return new Upload("现场.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0});
        }
        return new Upload("佐证.pdf", "%PDF-1.4\n%攻击测试\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
    }

    record Upload(String fileName, byte[] bytes) {
    }

    private static byte[] workbook() {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var row = book.createSheet("Sheet1").createRow(0);
            row.createCell(0).setCellValue("姓名");
            row.createCell(1).setCellValue("身份证号");
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
