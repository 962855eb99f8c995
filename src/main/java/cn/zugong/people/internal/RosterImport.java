package cn.zugong.people.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.people.internal.RosterColumn.Header;
import cn.zugong.people.internal.RosterRowValidator.Draft;
import cn.zugong.people.internal.RosterSheetReader.ParsedSheet;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.SheetException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roster import, all or nothing: every row is checked (per row, across rows, then against the
 * database with one lookup per batch of unit codes / ID numbers); only a file without any error is
 * saved, as an upsert keyed by ID number, in one transaction.
 */
@Service
class RosterImport {

    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);
    private static final Header UNIT = new Header(RosterColumn.UNIT_CODE, 0);
    private static final Header ID = new Header(RosterColumn.ID_NUMBER, 0);

    private final OrgTree tree;
    private final PersonRepository people;
    private final RosterWriter writer;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final IdLookups lookups;
    private final Clock clock;

    RosterImport(OrgTree tree, PersonRepository people, RosterWriter writer, TransactionTemplate transaction,
                 AuditTrail audit, IdLookups lookups, Clock clock) {
        this.clock = clock;
        this.tree = tree;
        this.people = people;
        this.writer = writer;
        this.transaction = transaction;
        this.audit = audit;
        this.lookups = lookups;
    }

    /**
     * Imports the file after the caller's right to write the roster is checked (before anything is read). Throws
     * {@link SheetException} when the file as a whole is unusable; failures of either kind are audited.
     */
    ImportResult run(InputStream upload, String fileName, CurrentUser user) {
        return run(upload, fileName, null, user);
    }

    /**
     * As {@link #run(InputStream, String, CurrentUser)} with the file's 生效日期 ({@code yyyy-MM-dd}, blank: the
     * import day): existing people changed by the file get a version from that day, new people start their
     * history that day (ADR 050).
     */
    ImportResult run(InputStream upload, String fileName, String effectiveDate, CurrentUser user) {
        user.requireRosterWrite();
        try {
            LocalDate effective = effectiveDate(effectiveDate, LocalDate.now(clock));
            ImportResult result = importRows(upload, effective, user);
            if (!result.ok()) {
                auditFailure(fileName, result.errors().size() + " 处错误，首个："
                        + result.errors().get(0).text(), result.errors().size());
            }
            return result;
        } catch (SheetException e) {
            auditFailure(fileName, e.getMessage(), 1);
            throw e;
        }
    }

    /** Who tried to import which file and why it failed (who may import is then visible in the trail too). */
    private void auditFailure(String fileName, String reason, int errors) {
        String name = ImportError.shorten(fileName == null || fileName.isBlank() ? "（无文件名）" : fileName);
        audit.record(new AuditEvent(AuditAction.IMPORT_FAILED, "person", null, "导入干部名册失败：" + name + "，" + reason,
                null, Map.of("fileName", name, "errors", errors), null));
    }

    /** The 生效日期 of a file: a day not after the import day, blank for the import day. */
    static LocalDate effectiveDate(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new RosterFileException("生效日期格式不正确：" + ImportError.shorten(text.strip())
                    + "，应为 年-月-日（如 " + today + "）");
        }
        if (day.isAfter(today)) {
            throw new RosterFileException("生效日期 " + day + " 晚于导入当天（" + today + "），不能导入尚未生效的变动");
        }
        if (day.getYear() < 1950) {
            throw new RosterFileException("生效日期 " + day + " 过早，请填写 1950 年以后的日期");
        }
        return day;
    }

    private ImportResult importRows(InputStream upload, LocalDate effective, CurrentUser user) {
        long start = System.nanoTime();
        ParsedSheet sheet = RosterSheetReader.read(upload);
        long read = System.nanoTime();
        List<ImportError> errors = new ArrayList<>();
        var validator = new RosterRowValidator(sheet, LocalDate.now(clock), errors);
        List<Draft> drafts = sheet.rows().stream().map(validator::validate).toList();
        checkDuplicates(sheet, drafts, errors);
        boolean[] overAllowance = {false};
        try {
            ImportResult result = transaction.execute(status -> {
                List<IdLookups.ForeignHit> foreign = new ArrayList<>();
                List<PersonRow> rows = resolve(sheet, drafts, user, errors, foreign);
                // audited and counted in this transaction, which commits: a failed import keeps them
                if (!foreign.isEmpty() && !lookups.foreignHits(user, foreign)) {
                    overAllowance[0] = true;
                    return ImportResult.failed(errors);
                }
                if (!errors.isEmpty()) {
                    errors.sort(Comparator.comparingInt(ImportError::row)
                            .thenComparing(e -> e.column().length()).thenComparing(ImportError::column));
                    return ImportResult.failed(errors);
                }
                int updated = (int) rows.stream().filter(r -> r.id() != null).count();
                long checked = System.nanoTime();
                writer.save(rows, new RosterChange(effective, ChangeKind.IMPORT, "导入名册"));
                // one entry per import, in its transaction: a rolled-back import leaves none
                audit.record(new AuditEvent(AuditAction.IMPORT, "person", null,
                        "导入干部名册：新增 " + (rows.size() - updated) + " 人，更新 " + updated + " 人，生效日期 "
                                + effective, null,
                        Map.of("inserted", rows.size() - updated, "updated", updated, "effective", effective.toString(),
                                "updatedPersonIds",
                                rows.stream().map(PersonRow::id).filter(Objects::nonNull).toList()), null));
                log.info("roster import by {}: rows={} read={}ms checked={}ms saved={}ms", user.username(),
                        rows.size(), (read - start) / 1_000_000, (checked - read) / 1_000_000,
                        (System.nanoTime() - checked) / 1_000_000);
                return new ImportResult(rows.size() - updated, updated, List.of());
            });
            if (overAllowance[0]) {
                // which rows hit someone outside the scope is not told beyond the allowance (ADR 034)
                throw lookups.refusal();
            }
            return result;
        } catch (DataIntegrityViolationException e) {
            // someone registered one of these ID numbers between our check and the insert
            throw new RosterFileException("保存失败：部分人员刚被其他用户修改或登记，未导入任何数据，请重新导入");
        }
    }

    /** The second and later occurrences of an ID number are errors naming the first row. */
    private static void checkDuplicates(ParsedSheet sheet, List<Draft> drafts, List<ImportError> errors) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (Draft d : drafts) {
            if (d.idNumber() == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(d.idNumber(), d.row());
            if (first != null) {
                errors.add(new ImportError(d.row(), sheet.letter(ID), ID.title(), d.idNumber(),
                        "身份证号与第 " + first + " 行重复"));
            }
        }
    }

    /** Units and existing people, looked up in batches; rows become inserts (no id) or updates. */
    private List<PersonRow> resolve(ParsedSheet sheet, List<Draft> drafts, CurrentUser user,
                                    List<ImportError> errors, List<IdLookups.ForeignHit> foreign) {
        Map<String, OrgNode> units = tree.unitsByCode(drafts.stream().map(Draft::unitCode)
                .filter(Objects::nonNull).distinct().toList());
        var existing = people.existingByIdNumber(drafts.stream().map(Draft::idNumber)
                .filter(Objects::nonNull).distinct().toList());
        List<PersonRow> rows = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            OrgNode unit = d.unitCode() == null ? null : units.get(d.unitCode());
            if (d.unitCode() != null && (unit == null || !user.scope().contains(unit.path()))) {
                errors.add(new ImportError(d.row(), sheet.letter(UNIT), UNIT.title(), d.unitCode(),
                        "单位代码 " + d.unitCode() + " 不存在或不在您的管理范围内"));
            }
            var known = d.idNumber() == null ? null : existing.get(d.idNumber());
            if (known != null && !user.scope().contains(known.unitPath())) {
                // do not say where: the other unit lies outside what this user may see. The message
                // stays (officers resolve transfers with it) but is audited and counted (ADR 034)
                foreign.add(new IdLookups.ForeignHit(d.row(), known.id()));
                errors.add(new ImportError(d.row(), sheet.letter(ID), ID.title(), d.idNumber(),
                        "该身份证号已登记在您管理范围以外的单位，不能导入；如需调入请联系上级组织部门"));
            }
            if (errors.isEmpty()) {
                PersonRow p = d.person();
                rows.add(new PersonRow(known == null ? null : known.id(), unit.id(), p.name(), p.gender(),
                        p.birthDate(), p.idNumber(), p.phone(), p.ethnicity(), p.politicalStatus(), p.ftEducation(),
                        p.ftDegree(), p.isEducation(), p.isDegree(), p.majorCategory(), p.staffKind(), p.rankLevel(),
                        p.rankSince(), p.postLevel(), p.postSince(), p.workStartDate(), p.joinedUnitDate(),
                        p.source(), p.probationEnd(), p.assessments(), p.trainingHours(), p.rewards(),
                        p.disciplines()));
            }
        }
        return rows;
    }
}
