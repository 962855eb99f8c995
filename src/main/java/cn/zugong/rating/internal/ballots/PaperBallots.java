package cn.zugong.rating.internal.ballots;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationSchemes;
import cn.zugong.rating.internal.evaluation.BallotBox;
import cn.zugong.rating.internal.evaluation.BallotsRefused;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paper ballots from Excel (ADR 067): the template of a campaign (or one village) — one row per rater × subject of
 * the raters in the importer's scope who have not voted — and its import, all or nothing: every problem by row and
 * column first (unknown rater, rater outside the scope, subject not of the rater's village, bad grade, the same rater
 * and subject twice, a rater who voted online or in an earlier batch, empty cells); then one {@link BallotBox#cast}
 * of all sheets (channel PAPER) and the batch row (file name, SHA-256, raters, lines) in one transaction. The same
 * file is never imported twice. Who: an ADMIN whose scope holds the campaign's node, or lies inside it (a
 * township's ADMIN), for the raters of the own scope only.
 */
@Service
public class PaperBallots {

    static final String[] HEADERS = {"评议人编号", "评议对象编号", "评议对象", "等次"};
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(20L * 1024 * 1024, 300_000, 200);
    /** Errors kept at most (a file of wrong rows could list hundreds of thousands). */
    static final int MAX_ERRORS = 5_000;

    /** A campaign as the paper pages see it. */
    public record PaperCampaign(long id, long nodeId, String nodePath, String nodeName, String name, int year, String status,
                         String schemeCode, String schemeVersion) {
    }

    /** One problem of an imported file: "第 5 行 A 列（评议人编号）：…". Row 0: the file as a whole. */
    public record ImportError(int row, String column, String header, String message) {
        public String text() {
            return row == 0 ? message : "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
        }
    }

    /** The rows read; on success the raters and ballots entered, else every problem (nothing saved then). */
    public record PaperResult(int rows, int raters, int ballots, List<ImportError> errors, int errorCount) {
        public boolean ok() {
            return errorCount == 0;
        }
    }

    public record Batch(long id, String fileName, String sha256, int raters, int lines, String importedBy,
                 LocalDateTime importedAt) {
    }

    public record Village(long id, String name) {
    }

    private record Rater(long id, String raterNo, long village, String path, String channel) {
    }

    private record Line(int row, String raterNo, String subject, String grade) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaperBallots.class);
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d{1,18}");

    private final JdbcClient jdbc;
    private final BallotBox box;
    private final EvaluationSchemes schemes;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    PaperBallots(JdbcClient jdbc, BallotBox box, EvaluationSchemes schemes, AuditTrail audit, TransactionTemplate tx,
                 Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.schemes = schemes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The campaign if the user may enter its paper ballots: 404 outside the scope, 403 for another role. */
    PaperCampaign campaign(long id, CurrentUser user) {
        PaperCampaign c = jdbc.sql("""
                        select c.id, c.node_id, n.path, n.name as node_name, c.name, c.campaign_year, c.status,
                               c.scheme_code, c.scheme_version
                        from pe_campaign c join org_node n on n.id = c.node_id where c.id = :id""")
                .param("id", id)
                .query((rs, row) -> new PaperCampaign(rs.getLong("id"), rs.getLong("node_id"), rs.getString("path"),
                        rs.getString("node_name"), rs.getString("name"), rs.getInt("campaign_year"),
                        rs.getString("status"), rs.getString("scheme_code"), rs.getString("scheme_version")))
                .optional()
                .filter(c2 -> user.role().isOffice() && (user.scope().contains(c2.nodePath())
                        || user.scope().path().startsWith(c2.nodePath())))
                .orElseThrow(() -> new NotFoundException("评议活动不存在或不在您的管理范围内：" + id));
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权录入纸质评议票");
        }
        return c;
    }

    /** The villages of the campaign in the user's scope (for the per-village template). */
    List<Village> villages(PaperCampaign c, CurrentUser user) {
        return jdbc.sql("""
                        select distinct n.id, n.name, n.path from pe_subject s join org_node n on n.id = s.org_node_id
                        where s.campaign_id = :campaign and n.path like :scopePath order by n.path""")
                .param("campaign", c.id()).param("scopePath", user.scope().pathPattern())
                .query((rs, row) -> new Village(rs.getLong("id"), rs.getString("name"))).list();
    }

    List<Batch> batches(PaperCampaign c) {
        return jdbc.sql("select id, file_name, sha256, raters, lines, imported_by, imported_at from pe_paper_batch "
                        + "where campaign_id = :campaign order by id desc")
                .param("campaign", c.id())
                .query((rs, row) -> new Batch(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
                        rs.getInt("raters"), rs.getInt("lines"), rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toLocalDateTime())).list();
    }

    /** Writes the template: the user's raters who have not voted (of one village when given) × their subjects. */
    int template(PaperCampaign c, Long villageId, CurrentUser user, OutputStream out) throws IOException {
        String village = villageId == null ? "" : " and r.org_node_id = :village";
        if (villageId != null && villages(c, user).stream().noneMatch(v -> v.id() == villageId)) {
            throw new NotFoundException("村（社区）不在本次评议或不在您的管理范围内：" + villageId);
        }
        EvaluationScheme scheme = scheme(c);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet sheet = wb.createSheet("纸质评议票");
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row h = sheet.createRow(0);
            int[] widths = {14, 14, 30, 10};
            for (int i = 0; i < HEADERS.length; i++) {
                h.createCell(i).setCellValue(HEADERS[i]);
                sheet.setColumnWidth(i, widths[i] * 256);
                sheet.setDefaultColumnStyle(i, text);
            }
            int[] r = {1};
            var query = jdbc.sql("""
                    select r.rater_no, s.id, s.name, s.post from pe_rater r
                    join org_node n on n.id = r.org_node_id
                    join pe_subject s on s.campaign_id = r.campaign_id and s.org_node_id = r.org_node_id
                    where r.campaign_id = :campaign and r.channel is null and n.path like :scopePath""" + village + """

                    order by n.path, r.rater_no, s.sort_order, s.id""")
                    .param("campaign", c.id()).param("scopePath", user.scope().pathPattern());
            if (villageId != null) {
                query = query.param("village", villageId);
            }
            query.query(rs -> {
                Row row = sheet.createRow(r[0]++);
                row.createCell(0).setCellValue(rs.getString("rater_no"));
                row.createCell(1).setCellValue(rs.getLong("id"));
                String post = rs.getString("post");
                row.createCell(2).setCellValue(rs.getString("name") + (post == null || post.isBlank() ? "" : "（" + post + "）"));
            });
            if (scheme.marks() == EvaluationScheme.Marks.GRADES && r[0] > 1) {
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidation v = helper.createValidation(helper.createExplicitListConstraint(
                        scheme.grades().stream().map(EvaluationScheme.Grade::label).toArray(String[]::new)),
                        new CellRangeAddressList(1, r[0] - 1, 3, 3));
                v.setShowErrorBox(true);
                sheet.addValidationData(v);
            }
            Sheet help = wb.createSheet("填写说明");
            help.createRow(0).createCell(0).setCellValue("每行是一位评议人对一个评议对象的评议：在“等次”列填 "
                    + String.join(" / ", scheme.grades().stream().map(g -> g.label() + "（" + g.code() + "）").toList())
                    + "，可填中文或代码；弃评的对象整行删除。");
            help.createRow(1).createCell(0).setCellValue("不要改动评议人编号和评议对象编号；同一文件中同一评议人对同一对象只能有一行。"
                    + "已在线投票或已录入的评议人不能再录入。导入时只要有一处错误，整个文件都不导入。");
            help.setColumnWidth(0, 120 * 256);
            wb.write(out);
            wb.dispose();
            return r[0] - 1;
        }
    }

    /** Imports after the checks above; nothing is saved unless every row is right. Failures are audited. */
    PaperResult run(PaperCampaign c, InputStream upload, String fileName, CurrentUser user) {
        if (!c.status().equals("OPEN") && !c.status().equals("CLOSED")) {
            throw new BadRequestException("评议结果已公布或评议未开始，不能录入纸质票");
        }
        EvaluationScheme scheme = scheme(c);
        long started = System.nanoTime();
        MessageDigest sha = sha256();
        List<Line> lines = new ArrayList<>();
        List<String> headerProblems = new ArrayList<>();
        try {
            XlsxReader.read(new DigestInputStream(upload, sha), LIMITS, new XlsxReader.Rows() {
                @Override
                public void header(Map<Integer, Object> cells) {
                    for (int i = 0; i < HEADERS.length; i++) {
                        String s = text(cells.get(i));
                        if (!HEADERS[i].equals(s == null ? "" : s.replace("*", ""))) {
                            headerProblems.add(CellReference.convertNumToColString(i) + " 列应为“" + HEADERS[i]
                                    + "”，实际为“" + shorten(s) + "”");
                        }
                    }
                }

                @Override
                public void row(int row, Map<Integer, Object> cells) {
                    lines.add(new Line(row, text(cells.get(0)), text(cells.get(1)), text(cells.get(3))));
                }
            });
        } catch (SheetException e) {
            failed(c, fileName, e.getMessage());
            throw e;
        }
        if (!headerProblems.isEmpty()) {
            String m = "表头与模板不一致，请下载最新模板：" + String.join("；", headerProblems);
            failed(c, fileName, m);
            throw new SheetException(m);
        }
        if (lines.isEmpty()) {
            failed(c, fileName, "文件中没有数据行");
            throw new SheetException("文件中没有数据行：请从第 2 行起逐行填写评议人编号、评议对象编号和等次");
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        jdbc.sql("select id, imported_at from pe_paper_batch where campaign_id = :campaign and sha256 = :sha")
                .param("campaign", c.id()).param("sha", digest)
                .query((rs, row) -> "该文件已于 " + rs.getTimestamp("imported_at").toLocalDateTime().toString().replace('T', ' ')
                        + " 导入（第 " + rs.getLong("id") + " 批），不能重复导入").optional()
                .ifPresent(m -> {
                    failed(c, fileName, m);
                    throw new SheetException(m);
                });
        long read = System.nanoTime();
        List<ImportError> errors = new ArrayList<>();
        int[] errorCount = {0};
        Map<Long, List<BallotBox.Mark>> sheets = check(c, scheme, lines, user, errors, errorCount);
        long checked = System.nanoTime();
        log.debug("paper import: {} rows read in {} ms, checked in {} ms, {} errors", lines.size(),
                (read - started) / 1_000_000, (checked - read) / 1_000_000, errorCount[0]);
        if (errorCount[0] > 0) {
            failed(c, fileName, errorCount[0] + " 处错误，首个：" + errors.get(0).text());
            return new PaperResult(lines.size(), 0, 0, errors, errorCount[0]);
        }
        List<BallotBox.Sheet> cast = new ArrayList<>(sheets.size());
        sheets.forEach((rater, marks) -> cast.add(new BallotBox.Sheet(rater, marks)));
        try {
            int ballots = tx.execute(s -> {
                int n = box.cast(c.id(), cast, BallotBox.Channel.PAPER);
                jdbc.sql("insert into pe_paper_batch (campaign_id, file_name, sha256, raters, lines, imported_by, "
                                + "imported_at) values (:campaign, :file, :sha, :raters, :lines, :by, :at)")
                        .param("campaign", c.id()).param("file", fileName == null ? "（无名）" : shorten(fileName, 200))
                        .param("sha", digest).param("raters", cast.size()).param("lines", n)
                        .param("by", user.username()).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
                audit.record(new AuditEvent(AuditAction.IMPORT, "pe_paper_batch", String.valueOf(c.id()),
                        "录入纸质评议票：" + c.name() + "，文件 " + shorten(fileName) + "，评议人 " + cast.size() + " 人，评议票 "
                                + n + " 张", null, Map.of("raters", cast.size(), "lines", n, "sha256", digest), null));
                return n;
            });
            log.debug("paper import: {} sheets, {} ballots cast and committed in {} ms", cast.size(), ballots,
                    (System.nanoTime() - checked) / 1_000_000);
            return new PaperResult(lines.size(), cast.size(), ballots, List.of(), 0);
        } catch (BallotsRefused e) {
            // a sheet of the same rater committed between the checks and the cast (online, or another batch)
            List<ImportError> raced = e.reasons().stream().map(m -> new ImportError(0, "", "", m)).toList();
            failed(c, fileName, e.getMessage());
            return new PaperResult(lines.size(), 0, 0, raced, raced.size());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            failed(c, fileName, "同一文件正在重复导入");
            throw new SheetException("该文件已导入，不能重复导入");
        }
    }

    private Map<Long, List<BallotBox.Mark>> check(PaperCampaign c, EvaluationScheme scheme, List<Line> lines,
                                                  CurrentUser user, List<ImportError> errors, int[] count) {
        Map<String, Rater> raters = new HashMap<>();
        jdbc.sql("select r.id, r.rater_no, r.org_node_id, n.path, r.channel from pe_rater r "
                        + "join org_node n on n.id = r.org_node_id where r.campaign_id = :campaign")
                .param("campaign", c.id())
                .query(rs -> {
                    raters.put(rs.getString("rater_no"), new Rater(rs.getLong("id"), rs.getString("rater_no"),
                            rs.getLong("org_node_id"), rs.getString("path"), rs.getString("channel")));
                });
        Map<Long, Long> subjectVillage = new HashMap<>();
        jdbc.sql("select id, org_node_id from pe_subject where campaign_id = :campaign").param("campaign", c.id())
                .query(rs -> {
                    subjectVillage.put(rs.getLong("id"), rs.getLong("org_node_id"));
                });
        Map<Long, List<BallotBox.Mark>> sheets = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        String grades = String.join("、", scheme.grades().stream().map(g -> g.label() + "（" + g.code() + "）").toList());
        for (Line l : lines) {
            Rater rater = null;
            if (l.raterNo() == null) {
                error(errors, count, l.row(), 0, "不能为空");
            } else {
                rater = raters.get(l.raterNo());
                if (rater == null) {
                    error(errors, count, l.row(), 0, "评议人编号 " + shorten(l.raterNo()) + " 不存在（不是本次评议的评议人）");
                } else if (!user.scope().contains(rater.path())) {
                    error(errors, count, l.row(), 0, "评议人 " + rater.raterNo() + " 不在您的管理范围内");
                    rater = null;
                } else if ("ONLINE".equals(rater.channel())) {
                    error(errors, count, l.row(), 0, "纸质票与线上投票重复：评议人 " + rater.raterNo() + " 已在线投票");
                } else if ("PAPER".equals(rater.channel())) {
                    error(errors, count, l.row(), 0, "重复录入：评议人 " + rater.raterNo() + " 的纸质票已在之前的批次中录入");
                }
            }
            Long subject = null;
            if (l.subject() == null) {
                error(errors, count, l.row(), 1, "不能为空");
            } else if (!NUMBER.matcher(l.subject()).matches()) {
                error(errors, count, l.row(), 1, "应为评议对象编号（数字），实际为“" + shorten(l.subject()) + "”");
            } else {
                subject = Long.parseLong(l.subject());
                Long village = subjectVillage.get(subject);
                if (village == null) {
                    error(errors, count, l.row(), 1, "评议对象 " + subject + " 不是本次评议的评议对象");
                    subject = null;
                } else if (rater != null && village != rater.village()) {
                    error(errors, count, l.row(), 1, "评议对象 " + subject + " 不是评议人 " + rater.raterNo()
                            + " 所在村（社区）的评议对象");
                    subject = null;
                } else if (l.raterNo() != null) {
                    Integer first = seen.putIfAbsent(l.raterNo() + "\u0000" + subject, l.row());
                    if (first != null) {
                        error(errors, count, l.row(), 1, "同一评议人对同一评议对象重复（与第 " + first + " 行重复）");
                    }
                }
            }
            BallotBox.Mark mark = null;
            if (l.grade() == null) {
                error(errors, count, l.row(), 3, "不能为空（弃评的对象请删除整行）");
            } else if (scheme.marks() == EvaluationScheme.Marks.GRADES) {
                String code = VoteApiController.gradeCode(scheme, l.grade());
                if (code == null) {
                    error(errors, count, l.row(), 3, "等次“" + shorten(l.grade()) + "”无效，应填 " + grades);
                } else if (subject != null) {
                    mark = new BallotBox.Mark(subject, code, null);
                }
            } else {
                BigDecimal points = l.grade().matches("\\d{1,3}(\\.\\d)?") ? new BigDecimal(l.grade()) : null;
                if (points == null || points.compareTo(scheme.maxScore()) > 0) {
                    error(errors, count, l.row(), 3, "分数“" + shorten(l.grade()) + "”应在 0 至 "
                            + scheme.maxScore().toPlainString() + " 之间（最多一位小数）");
                } else if (subject != null) {
                    mark = new BallotBox.Mark(subject, null, points);
                }
            }
            if (rater != null && mark != null && count[0] == 0) {
                sheets.computeIfAbsent(rater.id(), k -> new ArrayList<>()).add(mark);
            }
        }
        return sheets;
    }

    private static void error(List<ImportError> errors, int[] count, int row, int column, String message) {
        count[0]++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportError(row, CellReference.convertNumToColString(column), HEADERS[column], message));
        }
    }

    private void failed(PaperCampaign c, String fileName, String reason) {
        audit.record(new AuditEvent(AuditAction.IMPORT_FAILED, "pe_paper_batch", String.valueOf(c.id()),
                "录入纸质评议票失败：" + c.name() + "，文件 " + shorten(fileName) + "，" + shorten(reason), null, null, null));
    }

    private EvaluationScheme scheme(PaperCampaign c) {
        return schemes.find(c.schemeCode(), c.schemeVersion())
                .orElseThrow(() -> new IllegalStateException("scheme missing: " + c.schemeCode()));
    }

    /** A cell as text: numbers without a trailing ".0" (a rater number typed as a number), blanks as null. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String s) {
        return shorten(s, 80);
    }

    private static String shorten(String s, int max) {
        if (s == null || s.isBlank()) {
            return "（无）";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
