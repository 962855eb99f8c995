package cn.zugong.party.internal.mobile;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.party.internal.mobile.MobileRepository.CandidateInsert;
import cn.zugong.people.PartyMemberRef;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 源头查找 (ADR 070): lists of people known to work or live elsewhere (人社 lists, 外出务工 lists) imported from
 * Excel — all or nothing, every problem by row and column — and matched to the party members inside the caller's
 * scope by ID number (the people module's blind index); the roster's own 流动 marks and ID numbers issued outside
 * the city flagged as candidates too. A person on a list who is no party member of the scope is counted, not saved.
 */
@Service
class MobileSources {

    static final List<String> HEADERS = List.of("姓名", "身份证号", "流向省份", "流向城市", "区县", "工作单位", "联系电话");
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(10L * 1024 * 1024, 50_000, 200);
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    /** The city's region code: ID numbers issued elsewhere are flagged (舟山 3309). */
    static final String CITY_REGION = "3309";

    /** One problem of an imported file: "第 5 行 B 列（身份证号）：身份证号校验位错误". */
    record ImportError(int row, String column, String header, String message) {
        public String text() {
            return "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
        }
    }

    /** Rows read; members matched and found anew; rows of nobody in the scope; members already known; errors. */
    record ImportResult(int rows, int matched, int added, int notMembers, int known, List<ImportError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Flags found by a scan of the member data. */
    record ScanResult(int roster, int idRegion) {
    }

    private final MobileRepository repository;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final Clock clock;

    MobileSources(MobileRepository repository, PeopleDirectory people, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("外出人员名单");
            var text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                h.createCell(i).setCellValue(HEADERS.get(i));
                sheet.setColumnWidth(i, (i == 1 || i == 5 ? 24 : 14) * 256);
                sheet.setDefaultColumnStyle(i, text);
            }
            Sheet about = wb.createSheet("说明");
            about.createRow(0).createCell(0).setCellValue("每人一行；姓名、身份证号、流向城市必填。按身份证号与本辖区党员匹配，"
                    + "匹配到的党员成为流动党员线索，由组织委员确认建档；不是本辖区党员的行只计数、不保存。"
                    + "任何一行有错误时整个文件不导入，并列出全部错误。");
            about.setColumnWidth(0, 120 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports a list; nothing is saved when any row has a problem (the caller checked the role). */
    @Transactional
    ImportResult importList(InputStream upload, String fileName, String listName, OrgScope scope, String by) {
        List<String> headerProblems = new ArrayList<>();
        List<Map.Entry<Integer, Map<Integer, Object>>> rows = new ArrayList<>();
        try {
            XlsxReader.read(upload, LIMITS, new XlsxReader.Rows() {
                @Override
                public void header(Map<Integer, Object> cells) {
                    for (int i = 0; i < HEADERS.size(); i++) {
                        String s = cell(cells, i);
                        if (!HEADERS.get(i).equals(s == null ? "" : s)) {
                            headerProblems.add(CellReference.convertNumToColString(i) + " 列应为“" + HEADERS.get(i)
                                    + "”，实际为“" + (s == null ? "" : s) + "”");
                        }
                    }
                }

                @Override
                public void row(int row, Map<Integer, Object> cells) {
                    rows.add(Map.entry(row, cells));
                }
            });
        } catch (SheetException e) {
            failed(fileName, e.getMessage());
            throw e;
        }
        if (!headerProblems.isEmpty()) {
            String m = "表头与模板不一致，请下载模板：" + String.join("；", headerProblems);
            failed(fileName, m);
            throw new SheetException(m);
        }
        if (rows.isEmpty()) {
            failed(fileName, "没有数据行");
            throw new SheetException("文件中没有数据行：请从第 2 行起每人填写一行");
        }
        List<ImportError> errors = new ArrayList<>();
        Map<Integer, String[]> values = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (var r : rows) {
            int row = r.getKey();
            String[] v = new String[HEADERS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = cell(r.getValue(), i);
            }
            require(errors, row, 0, v[0]);
            require(errors, row, 3, v[3]);
            if (v[1] == null) {
                errors.add(error(row, 1, "必填项，不能为空"));
            } else {
                v[1] = IdNumbers.normalise(v[1]);
                var problem = IdNumbers.problem(v[1]);
                if (problem.isPresent()) {
                    errors.add(error(row, 1, problem.get()));
                } else if (seen.putIfAbsent(v[1], row) != null) {
                    errors.add(error(row, 1, "与第 " + seen.get(v[1]) + " 行重复"));
                }
            }
            if (v[6] != null && !PHONE.matcher(v[6]).matches()) {
                errors.add(error(row, 6, "应为11位手机号或带区号的固定电话"));
            }
            int[] max = {50, 18, 30, 50, 50, 100, 20};
            for (int i = 0; i < v.length; i++) {
                if (i != 1 && v[i] != null && v[i].length() > max[i]) {
                    errors.add(error(row, i, "不能超过 " + max[i] + " 个字"));
                }
            }
            values.put(row, v);
        }
        Map<String, PartyMemberRef> members = errors.isEmpty()
                ? people.partyMembersByIdNumber(values.values().stream().map(v -> v[1]).toList(), scope) : Map.of();
        for (var e : values.entrySet()) {
            PartyMemberRef m = members.get(e.getValue()[1]);
            if (m != null && !m.name().equals(e.getValue()[0])) {
                errors.add(error(e.getKey(), 0, "与身份证号对应党员的姓名不一致"));
            }
        }
        if (!errors.isEmpty()) {
            failed(fileName, errors.size() + " 处错误");
            return new ImportResult(rows.size(), 0, 0, 0, 0, errors);
        }
        Set<Long> known = repository.knownMembers(members.values().stream().map(PartyMemberRef::id).toList());
        List<CandidateInsert> inserts = new ArrayList<>();
        for (String[] v : values.values()) {
            PartyMemberRef m = members.get(v[1]);
            if (m != null && !known.contains(m.id())) {
                inserts.add(new CandidateInsert(m.id(), m.branchId(), m.name(), "IMPORT", listName == null
                        || listName.isBlank() ? fileName : listName.strip(), v[2], v[3], v[4], v[5], v[6]));
                known.add(m.id());
            }
        }
        repository.insertCandidates(inserts, LocalDateTime.now(clock), by);
        int knownCount = members.size() - inserts.size();
        audit.record(new AuditEvent(AuditAction.IMPORT, "mobile_candidate", null, "源头查找导入“" + fileName + "”："
                + rows.size() + " 行，匹配党员 " + members.size() + " 人，新增线索 " + inserts.size() + " 人",
                null, null, by));
        return new ImportResult(rows.size(), members.size(), inserts.size(), values.size() - members.size(),
                knownCount, List.of());
    }

    /** Flags the scope's members the roster marks 流动 and those with an ID number issued outside the city. */
    @Transactional
    ScanResult scan(OrgScope scope, String by) {
        List<PartyMemberRef> roster = people.mobilePartyMembers(scope);
        List<PartyMemberRef> outside = people.partyMembersRegisteredOutside(CITY_REGION, scope);
        List<Long> ids = new ArrayList<>();
        roster.forEach(m -> ids.add(m.id()));
        outside.forEach(m -> ids.add(m.id()));
        Set<Long> known = repository.knownMembers(ids);
        List<CandidateInsert> inserts = new ArrayList<>();
        int fromRoster = 0;
        for (PartyMemberRef m : roster) {
            if (known.add(m.id())) {
                String[] place = split(m.mobileTo());
                inserts.add(new CandidateInsert(m.id(), m.branchId(), m.name(), "ROSTER", null, place[0], place[1],
                        null, null, null));
                fromRoster++;
            }
        }
        int fromRegion = 0;
        for (PartyMemberRef m : outside) {
            if (known.add(m.id())) {
                inserts.add(new CandidateInsert(m.id(), m.branchId(), m.name(), "ID_REGION", null, null, null, null,
                        null, null));
                fromRegion++;
            }
        }
        repository.insertCandidates(inserts, LocalDateTime.now(clock), by);
        audit.record(AuditEvent.of(AuditAction.CREATE, "mobile_candidate", null,
                "源头查找比对党员信息：标注流动 " + fromRoster + " 人，身份证号非本市 " + fromRegion + " 人").by(by));
        return new ScanResult(fromRoster, fromRegion);
    }

    /** "广东省深圳市" → {广东省, 深圳市}; "杭州市" → {null, 杭州市}. */
    static String[] split(String destination) {
        if (destination == null || destination.isBlank()) {
            return new String[] {null, null};
        }
        int p = destination.indexOf('省');
        return p > 0 && p < destination.length() - 1
                ? new String[] {destination.substring(0, p + 1), destination.substring(p + 1)}
                : new String[] {null, destination.strip()};
    }

    private void failed(String fileName, String why) {
        audit.record(AuditEvent.of(AuditAction.IMPORT_FAILED, "mobile_candidate", null,
                "源头查找导入“" + fileName + "”未导入：" + why));
    }

    private static String cell(Map<Integer, Object> cells, int i) {
        Object v = cells.get(i);
        if (v == null) {
            return null;
        }
        String s = v instanceof Number n ? new java.math.BigDecimal(n.toString()).toPlainString() : String.valueOf(v);
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static void require(List<ImportError> errors, int row, int col, String value) {
        if (value == null) {
            errors.add(error(row, col, "必填项，不能为空"));
        }
    }

    private static ImportError error(int row, int col, String message) {
        return new ImportError(row, CellReference.convertNumToColString(col), HEADERS.get(col), message);
    }
}
