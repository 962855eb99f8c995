package cn.zugong.talent.internal.services;

import cn.zugong.shared.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * 码上办 figures in the caller's scope for a year: per item and overall, applications, materials needed and reused
 * (the reduction: reused ÷ needed — the seed's 「人才服务缩减材料85％」), finished, on time, and the average working
 * days from submission to 办结; with the Excel of the figures and of every application.
 */
@Component
public class ServiceFigures {

    private final ServiceApplications services;

    ServiceFigures(ServiceApplications services) {
        this.services = services;
    }

    /** One line: an item, or the total (code null). */
    public record Line(String code, String name, String area, int applications, int needed, int reused, int proxy,
                int finished, int onTime, BigDecimal averageWorkdays) {

        /** Materials reused as a share of needed, in per cent with one decimal. */
        public BigDecimal reduction() {
            return percent(reused, needed);
        }

        public BigDecimal onTimeRate() {
            return percent(onTime, finished);
        }

        private static BigDecimal percent(int part, int whole) {
            return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100L)
                    .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    public record Figures(Line total, List<Line> byItem, List<Application> applications) {
    }

    /** The figures for the talent module's figures page and screen (cn.zugong.talent.internal.figures). */
    public Figures figures(CurrentUser user, int year) {
        return of(user, year);
    }

    Figures of(CurrentUser user, int year) {
        List<Application> apps = services.inYear(user, year);
        Map<String, List<Application>> byItem = new LinkedHashMap<>();
        for (var v : services.catalogue()) {
            byItem.put(v.item().code(), new ArrayList<>());
        }
        apps.forEach(a -> byItem.computeIfAbsent(a.itemCode(), k -> new ArrayList<>()).add(a));
        List<Line> lines = new ArrayList<>();
        byItem.forEach((code, list) -> {
            if (!list.isEmpty()) {
                lines.add(line(code, services.itemName(code), services.areaName(list.get(0).areaCode()), list));
            }
        });
        return new Figures(line(null, "合计", "", apps), lines, apps);
    }

    private Line line(String code, String name, String area, List<Application> list) {
        int needed = 0;
        int reused = 0;
        int proxy = 0;
        int finished = 0;
        int onTime = 0;
        long days = 0;
        for (Application a : list) {
            needed += a.needed();
            reused += a.reused();
            proxy += a.proxy() ? 1 : 0;
            if (a.finished()) {
                finished++;
                onTime += a.onTime() ? 1 : 0;
                days += services.workdaysToFinish(a);
            }
        }
        BigDecimal avg = finished == 0 ? null : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(finished), 1,
                RoundingMode.HALF_UP);
        return new Line(code, name, area, list.size(), needed, reused, proxy, finished, onTime, avg);
    }

    static final String[] HEADER = {"事项编码", "事项", "服务领域", "申请（件）", "所需材料（项）", "平台已有（项）",
            "材料缩减（%）", "代办（件）", "办结（件）", "按时办结（件）", "按时率（%）", "平均办理工作日"};

    byte[] excel(CurrentUser user, int year) throws IOException {
        Figures f = of(user, year);
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("按事项");
            sheet.createRow(0).createCell(0).setCellValue(user.scopeName() + " " + year + " 年码上办统计：材料缩减 "
                    + f.total().reduction() + "%");
            Row header = sheet.createRow(2);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            int r = 3;
            for (Line l : f.byItem()) {
                write(sheet.createRow(r++), l);
            }
            write(sheet.createRow(r), f.total());
            sheet.setColumnWidth(1, 30 * 256);
            Sheet all = book.createSheet("申请明细");
            String[] h = {"申请编号", "事项", "人才", "承办单位", "提交时间", "办理期限", "状态", "所需材料", "平台已有",
                    "代办", "代办人", "办结日期", "按时"};
            Row hr = all.createRow(0);
            for (int c = 0; c < h.length; c++) {
                hr.createCell(c).setCellValue(h[c]);
            }
            Map<Long, String> names = services.talentNames(f.applications());
            Map<Long, String> units = services.unitNames(f.applications());
            int i = 1;
            for (Application a : f.applications()) {
                Row row = all.createRow(i++);
                row.createCell(0).setCellValue(a.applicationNo());
                row.createCell(1).setCellValue(services.itemName(a.itemCode()));
                row.createCell(2).setCellValue(names.getOrDefault(a.talentId(), ""));
                row.createCell(3).setCellValue(units.getOrDefault(a.ownerNodeId(), ""));
                row.createCell(4).setCellValue(a.submittedAt().toString().replace('T', ' '));
                row.createCell(5).setCellValue(a.deadline().toString());
                row.createCell(6).setCellValue(a.statusLabel());
                row.createCell(7).setCellValue(a.needed());
                row.createCell(8).setCellValue(a.reused());
                row.createCell(9).setCellValue(a.proxy() ? "是" : "否");
                row.createCell(10).setCellValue(a.proxyByName() == null ? "" : a.proxyByName());
                row.createCell(11).setCellValue(a.finishedOn() == null ? "" : a.finishedOn().toString());
                row.createCell(12).setCellValue(a.finished() ? (a.onTime() ? "是" : "否") : "");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Row row, Line l) {
        row.createCell(0).setCellValue(l.code() == null ? "" : l.code());
        row.createCell(1).setCellValue(l.name());
        row.createCell(2).setCellValue(l.area());
        row.createCell(3).setCellValue(l.applications());
        row.createCell(4).setCellValue(l.needed());
        row.createCell(5).setCellValue(l.reused());
        row.createCell(6).setCellValue(l.reduction().toPlainString());
        row.createCell(7).setCellValue(l.proxy());
        row.createCell(8).setCellValue(l.finished());
        row.createCell(9).setCellValue(l.onTime());
        row.createCell(10).setCellValue(l.onTimeRate().toPlainString());
        row.createCell(11).setCellValue(l.averageWorkdays() == null ? "" : l.averageWorkdays().toPlainString());
    }
}
