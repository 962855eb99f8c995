package cn.zugong.cadre.internal.care;

import cn.zugong.cadre.CareFigures;
import cn.zugong.cadre.CareFigures.County;
import cn.zugong.cadre.CareFigures.Totals;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Downloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 激励关爱 workbook (ADR 077): the figures of the period (总体 with the sentence, 按县区) and the scope's records
 * of the period (容错纠错 applied for or decided in it, 澄清正名, 回访计划 running or visited in it, 处分后使用, 及时奖励,
 * 担当作为好干部 — each by its own dates, see CareRepository). An export is a read of every record in it:
 * refused (404) to anyone but ADMIN and 干部监督 and audited before the file is built.
 */
@Component
class CareExport {

    static final int ROWS = 100_000;

    private final CareRepository repository;
    private final CareFigures figures;
    private final CadreAccess access;
    private final CareReads reads;

    CareExport(CareRepository repository, CareFigures figures, CadreAccess access, CareReads reads) {
        this.repository = repository;
        this.figures = figures;
        this.access = access;
        this.reads = reads;
    }

    @Transactional
    public ResponseEntity<byte[]> download(CarePeriod period, CurrentUser user) {
        access.auditedRead(user, user.scope().path(), "care_export", "xlsx",
                "导出激励关爱台账：" + user.scopeName() + " " + period.label());
        return Downloads.attachment(workbook(period, user), "激励关爱台账.xlsx", Downloads.XLSX);
    }

    byte[] workbook(CarePeriod period, CurrentUser user) {
        var f = figures.of(user.scope(), period.from(), period.to(), reads.today());
        // streamed (rows flushed to a temporary file 200 at a time): the ledger may hold tens of thousands of rows
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Totals t = f.totals();
            Sheet s = wb.createSheet("总体");
            int r = 0;
            r = row(s, r, "范围", user.scopeName());
            r = row(s, r, "时段", period.label());
            r = row(s, r, "澄清正名（人）", t.cleared());
            r = row(s, r, "容错纠错减责（人）", t.tolerated());
            r = row(s, r, "暖心回访（人）", t.visited());
            r = row(s, r, "暖心回访（次）", t.visits());
            r = row(s, r, "处分后进一步使用或提拔任用（人）", t.reused());
            r = row(s, r, "及时奖励个人（人）", t.rewardedPeople());
            r = row(s, r, "及时奖励集体（个）", t.rewardedUnits());
            r = row(s, r, "及时奖励批次", t.batches());
            r = row(s, r, "担当作为好干部（人）", t.exemplars());
            r = row(s, r, "回访逾期（当前）", t.overdueVisits());
            row(s, r, "表述", f.sentence());
            s.setColumnWidth(0, 32 * 256);
            Sheet c = sheet(wb, "按县区", "县（市、区）", "澄清正名", "容错纠错减责", "暖心回访", "处分后使用", "奖励个人",
                    "奖励集体", "担当作为好干部");
            int i = 1;
            for (County x : f.counties()) {
                values(c, i++, x.name(), x.cleared(), x.tolerated(), x.visited(), x.reused(), x.rewardedPeople(),
                        x.rewardedUnits(), x.exemplars());
            }
            Sheet k = sheet(wb, "容错纠错", "姓名", "单位", "申请日期", "状态", "认定结果", "认定日期");
            i = 1;
            for (var x : repository.cases(user.scope(), period, ROWS)) {
                values(k, i++, x.name(), x.unitName(), x.appliedOn(), x.statusLabel(), x.resultLabel(), x.decidedOn());
            }
            Sheet cl = sheet(wb, "澄清正名", "姓名", "单位", "澄清日期", "澄清方式", "澄清范围", "反映问题及核查结论");
            i = 1;
            for (var x : repository.clearances(user.scope(), period, ROWS)) {
                values(cl, i++, x.name(), x.unitName(), x.clearedOn(), x.published(), x.reach(), x.report());
            }
            Sheet d = sheet(wb, "回访计划", "姓名", "单位", "处理处分", "处理日期", "影响期至", "回访周期（月）", "回访次数",
                    "最近回访", "应回访日期");
            i = 1;
            for (var x : repository.disciplines(user.scope(), period, ROWS)) {
                values(d, i++, x.name(), x.unitName(), x.kind(), x.decidedOn(), x.influenceUntil(), x.visitMonths(),
                        x.visits(), x.lastVisit(), x.nextVisitDue());
            }
            Sheet u = sheet(wb, "处分后使用", "姓名", "单位", "任用类别", "任职日期", "影响期至", "任用纪实编号");
            i = 1;
            for (var x : repository.reuses(user.scope(), period, ROWS)) {
                values(u, i++, x.name(), x.unitName(), x.appointmentKind(), x.effectiveOn(), x.influenceUntil(),
                        x.appointmentId());
            }
            Sheet b = sheet(wb, "及时奖励", "批次", "奖励日期", "对象", "类别", "所在单位", "奖励事由");
            i = 1;
            for (var x : repository.awards(user.scope(), period, ROWS)) {
                var item = x.item();
                values(b, i++, x.batch(), x.awardedOn(), item.name(), item.personId() != null ? "个人" : "集体",
                        item.unitName(), item.reason());
            }
            Sheet e = sheet(wb, "担当作为好干部", "姓名", "单位", "评选批次", "状态", "公示期", "发布日期");
            i = 1;
            for (var x : repository.exemplars(user.scope(), period, ROWS)) {
                values(e, i++, x.name(), x.unitName(), x.round(), x.statusLabel(), x.publicityFrom() == null ? ""
                        : x.publicityFrom() + " 至 " + x.publicityUntil(), x.publishedOn());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } finally {
            wb.dispose();
        }
    }

    private static Sheet sheet(Workbook wb, String name, String... headers) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            h.createCell(i).setCellValue(headers[i]);
            s.setColumnWidth(i, 14 * 256);
        }
        return s;
    }

    private static void values(Sheet s, int r, Object... values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
    }

    private static int row(Sheet s, int r, String label, Object value) {
        values(s, r, label, value);
        return r + 1;
    }

    static List<String> sheetNames() {
        return List.of("总体", "按县区", "容错纠错", "澄清正名", "回访计划", "处分后使用", "及时奖励", "担当作为好干部");
    }
}
