package cn.zugong.rating.internal.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.org.OrgTree;
import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationScheme.GroupVotes;
import cn.zugong.rating.EvaluationSchemes;
import cn.zugong.rating.internal.ballots.PaperBallots.PaperCampaign;
import cn.zugong.rating.internal.ballots.PaperBallots.PaperResult;
import cn.zugong.rating.internal.evaluation.RaterCodes;
import cn.zugong.rating.internal.evaluation.Tally;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run.sh rating}: 双述双评 at city scale on PostgreSQL. A campaign of 舟山市 over its 428 villages, 6–8
 * subjects each (township 评价 on every second subject), 22,000 raters (51–52 per village). (a) The paper ballots
 * of all raters but 500 as one Excel file (written with POI before the clock starts) imported through
 * {@link PaperBallots} (XlsxReader, every check, one {@code BallotBox.cast}); first the same file with 200 planted
 * errors, which must all be listed with nothing saved. (b) The tally of every subject ({@link Tally#votes} +
 * {@link EvaluationScheme#result}) checked against a recount written here by hand: the generator's own counts, a
 * pivot query per subject × group, and the weighted points computed in SQL with the scheme's weights as an officer
 * reads them off the yaml, the grade by a hand loop. (c) 500 phone voters at the close on the real HTTP route (the
 * application's Tomcat, random port) from 500 threads at once, 50 of them sending their sheet twice in the race:
 * no lost ballot, no rater counted twice, no 5xx. Last line starts with {@code rating }. Tagged "bench".
 */
@Tag("bench")
@IntegrationTest
class RatingBallotsBenchmark {

    static final int RATERS = Integer.getInteger("bench.raters", 22_000);
    static final int ONLINE = 500;
    static final int DUPLICATES = 50;
    static final int PLANTED = 200;
    static final String[] GRADES = {"A", "B", "C", "D"};
    static final String[] LABELS = {"好", "较好", "一般", "差"};

    @Autowired JdbcTemplate jdbc;
    @Autowired OrgTree tree;
    @Autowired PaperBallots paper;
    @Autowired Tally tally;
    @Autowired EvaluationSchemes schemes;
    @Autowired RaterCodes codes;
    @Autowired cn.zugong.rating.internal.evaluation.WrongCodeThrottle throttle;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    record Subject(long id, long village, String name) {
    }

    record RaterRow(long id, String no, long village, String group) {
    }

    @Test
    void cityScale() throws Exception {
        long t0 = System.nanoTime();
        long city = tree.byCode("3309").orElseThrow().id();
        List<Long> villages = jdbc.queryForList("select id from org_node where kind = 'VILLAGE' and path like ? "
                + "order by path", Long.class, tree.byCode("3309").orElseThrow().path() + "%");
        var now = clock.instant();
        jdbc.update("insert into pe_campaign (node_id, scheme_code, scheme_version, campaign_year, name, opens_at, "
                        + "closes_at, status, created_by, created_at) values (?, 'shuangshu', '2026.1', 2099, "
                        + "'舟山市2026年双述双评基准', ?, ?, 'OPEN', 'bench', ?)", city,
                Timestamp.from(now.minus(Duration.ofDays(7))), Timestamp.from(now.plus(Duration.ofMinutes(30))),
                Timestamp.from(now));
        long campaign = jdbc.queryForObject("select id from pe_campaign where campaign_year = 2099 and node_id = ?",
                Long.class, city);
        // subjects: 6–8 per village, the 班子 first; township 评价 on every second subject
        List<Object[]> subjectRows = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            int n = 6 + v % 3;
            for (int s = 0; s < n; s++) {
                subjectRows.add(new Object[] {campaign, villages.get(v), s == 0 ? "ORGANISATION" : "MEMBER",
                        s == 0 ? "村班子" + v : "成员" + v + "-" + s, s == 0 ? null : "委员", s % 2 == 0 ? GRADES[s % 3] : null, s});
            }
        }
        jdbc.batchUpdate("insert into pe_subject (campaign_id, org_node_id, kind, name, post, township_grade, sort_order) "
                + "values (?, ?, ?, ?, ?, ?, ?)", subjectRows);
        List<Object[]> raterRows = new ArrayList<>();
        for (int i = 0; i < RATERS; i++) {
            raterRows.add(new Object[] {campaign, villages.get(i % villages.size()), i % 3 == 0 ? "VILLAGER_REP" : "PARTY_MEMBER",
                    String.format("R%06d", i + 1), "评议人" + (i + 1)});
        }
        jdbc.batchUpdate("insert into pe_rater (campaign_id, org_node_id, rater_group, rater_no, name) values (?, ?, ?, ?, ?)",
                raterRows);
        jdbc.execute("analyze");
        Map<Long, List<Subject>> subjectsOf = new HashMap<>();
        jdbc.query("select id, org_node_id, name from pe_subject where campaign_id = ? order by org_node_id, sort_order",
                rs -> {
                    Subject s = new Subject(rs.getLong(1), rs.getLong(2), rs.getString(3));
                    subjectsOf.computeIfAbsent(s.village(), k -> new ArrayList<>()).add(s);
                }, campaign);
        List<RaterRow> raters = jdbc.query("select id, rater_no, org_node_id, rater_group from pe_rater "
                        + "where campaign_id = ? order by rater_no",
                (rs, row) -> new RaterRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), campaign);
        // every 44th rater votes online in (c); everyone else on paper, 3% of the marks left blank (弃评)
        List<RaterRow> online = new ArrayList<>();
        Random random = new Random(17);
        Map<String, long[]> expected = new HashMap<>(); // subject|group → count per grade
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int lines = 0;
        List<String[]> planted = new ArrayList<>();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000)) {
            Sheet sheet = wb.createSheet("纸质评议票");
            Row h = sheet.createRow(0);
            for (int i = 0; i < PaperBallots.HEADERS.length; i++) {
                h.createCell(i).setCellValue(PaperBallots.HEADERS[i]);
            }
            int r = 1;
            for (int i = 0; i < raters.size(); i++) {
                RaterRow rater = raters.get(i);
                if (i % 44 == 0 && online.size() < ONLINE) {
                    online.add(rater);
                    continue;
                }
                for (Subject s : subjectsOf.get(rater.village())) {
                    if (random.nextInt(100) < 3) {
                        continue;
                    }
                    int g = pick(random);
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(rater.no());
                    row.createCell(1).setCellValue(s.id());
                    row.createCell(2).setCellValue(s.name());
                    // the clerks type the label or the code
                    String typed = random.nextBoolean() ? LABELS[g] : GRADES[g];
                    row.createCell(3).setCellValue(typed);
                    expected.computeIfAbsent(s.id() + "|" + rater.group(), k -> new long[4])[g]++;
                    lines++;
                    if (planted.size() < PLANTED && lines % 700 == 0) {
                        planted.add(new String[] {rater.no(), String.valueOf(s.id()), s.name(), typed});
                    }
                }
            }
            wb.write(file);
            wb.dispose();
        }
        byte[] good = file.toByteArray();
        assertThat(planted).hasSize(PLANTED);
        byte[] bad = withPlantedErrors(planted, subjectsOf, raters);
        long generateMs = (System.nanoTime() - t0) / 1_000_000;
        CurrentUser admin = new CurrentUser(0, "bench-admin", "基准管理员", Role.ADMIN,
                tree.byCode("3309").orElseThrow().asScope(), "舟山市");
        PaperCampaign pc = paper.campaign(campaign, admin);

        // (a) the file with planted errors: every one listed, nothing saved
        long t1 = System.nanoTime();
        PaperResult refused = paper.run(pc, new ByteArrayInputStream(bad), "planted.xlsx", admin);
        long plantedMs = (System.nanoTime() - t1) / 1_000_000;
        boolean plantedOk = refused.errorCount() == PLANTED && count("select count(*) from pe_ballot where campaign_id = ?", campaign) == 0
                && count("select count(*) from pe_rater where campaign_id = ? and channel is not null", campaign) == 0;
        System.out.printf("planted: %d errors listed of %d planted in %d ms, nothing saved: %s%n", refused.errorCount(),
                PLANTED, plantedMs, plantedOk);
        // (a) the real file
        long t2 = System.nanoTime();
        PaperResult imported = paper.run(pc, new ByteArrayInputStream(good), "paper.xlsx", admin);
        long importMs = (System.nanoTime() - t2) / 1_000_000;
        assertThat(imported.errors()).isEmpty();
        assertThat(imported.ballots()).isEqualTo(lines);
        System.out.printf("import: %d rows, %d raters, %d ballots in %d ms (file %d KB)%n", imported.rows(),
                imported.raters(), imported.ballots(), importMs, good.length / 1024);

        // (c) 500 phone voters at the close, 50 of them twice at once
        Map<Long, String> codeOf = codes.issue(campaign, online.stream().map(RaterRow::id).toList());
        List<String> requests = new ArrayList<>();
        Map<String, RaterRow> raterOfBody = new HashMap<>();
        for (int i = 0; i < online.size(); i++) {
            RaterRow rater = online.get(i);
            StringBuilder marks = new StringBuilder();
            for (Subject s : subjectsOf.get(rater.village())) {
                int g = pick(random);
                marks.append(marks.isEmpty() ? "" : ",").append("{\"subject\":").append(s.id()).append(",\"grade\":\"")
                        .append(GRADES[g]).append("\"}");
            }
            String body = "{\"code\":\"" + codeOf.get(rater.id()) + "\",\"marks\":[" + marks + "]}";
            raterOfBody.put(body, rater);
            requests.add(body);
            if (i < DUPLICATES) {
                requests.add(body);
            }
        }
        int limit = throttle.perMinute();
        throttle.perMinute(0);
        long[] latencies = new long[requests.size()];
        int[] statuses = new int[requests.size()];
        int[] answered = new int[requests.size()];
        long wallMs;
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/ratings/vote");
            ExecutorService pool = Executors.newFixedThreadPool(requests.size());
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch go = new CountDownLatch(1);
            Pattern ballots = Pattern.compile("\"ballots\":(\\d+)");
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                int at = i;
                done.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(requests.get(at))).build();
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[at] = System.nanoTime() - start;
                    statuses[at] = answer.statusCode();
                    Matcher m = ballots.matcher(answer.body());
                    answered[at] = answer.statusCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : 0;
                    return null;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            wallMs = (System.nanoTime() - start) / 1_000_000;
            pool.shutdown();
        } finally {
            throttle.perMinute(limit);
        }
        Map<String, Integer> wins = new HashMap<>();
        long answeredBallots = 0;
        int errors5xx = 0;
        int otherFailures = 0;
        for (int i = 0; i < requests.size(); i++) {
            if (statuses[i] >= 500) {
                errors5xx++;
            } else if (statuses[i] == 200) {
                wins.merge(requests.get(i), 1, Integer::sum);
                answeredBallots += answered[i];
            } else if (statuses[i] != 409) {
                otherFailures++;
            }
        }
        long double_ = wins.values().stream().filter(n -> n > 1).count();
        long onlineBallots = count("select count(*) from pe_ballot where campaign_id = ? and channel = 'ONLINE'", campaign);
        long onlineRaters = count("select count(*) from pe_rater where campaign_id = ? and channel = 'ONLINE'", campaign);
        long claimed = count("select coalesce(sum(ballots), 0) from pe_rater where campaign_id = ? and channel = 'ONLINE'", campaign);
        // lost: a 200 answer whose ballots are not there (or a rater refused although nobody else voted for it)
        long lost = Math.max(0, answeredBallots - onlineBallots) + (online.size() - wins.size());
        long doubled = double_ + Math.max(0, onlineBallots - answeredBallots) + Math.max(0, onlineRaters - wins.size())
                + (claimed == onlineBallots ? 0 : 1);
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1e6;
        double p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6;
        System.out.printf("concurrent: %d voters, %d requests (%d duplicates) in %d ms; 200: %d, ballots answered %d, "
                        + "in pe_ballot %d; other failures %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", online.size(),
                requests.size(), DUPLICATES, wallMs, wins.size(), answeredBallots, onlineBallots, otherFailures, p50, p99,
                latencies[latencies.length - 1] / 1e6);
        for (int i = 0; i < online.size(); i++) {
            RaterRow rater = online.get(i);
            String body = requests.get(i < DUPLICATES ? 2 * i : DUPLICATES + i);
            Matcher m = Pattern.compile("\"grade\":\"([A-D])\"").matcher(body);
            List<Subject> subs = subjectsOf.get(rater.village());
            for (int k = 0; m.find(); k++) {
                if (wins.containsKey(body)) {
                    expected.computeIfAbsent(subs.get(k).id() + "|" + rater.group(), x -> new long[4])[
                            m.group(1).charAt(0) - 'A']++;
                }
            }
        }

        // (b) the tally of all villages, and the recount by hand
        jdbc.execute("analyze pe_ballot");
        EvaluationScheme scheme = schemes.find("shuangshu", "2026.1").orElseThrow();
        Map<Long, String> township = new HashMap<>();
        jdbc.query("select id, township_grade from pe_subject where campaign_id = ?",
                rs -> {
                    township.put(rs.getLong(1), rs.getString(2));
                }, campaign);
        long t3 = System.nanoTime();
        Map<Long, Map<String, GroupVotes>> votes = tally.votes(campaign);
        Map<Long, EvaluationScheme.Result> results = new HashMap<>();
        for (Map.Entry<Long, String> s : township.entrySet()) {
            results.put(s.getKey(), scheme.result(votes.getOrDefault(s.getKey(), Map.of()), s.getValue()));
        }
        long tallyMs = (System.nanoTime() - t3) / 1_000_000;
        long t4 = System.nanoTime();
        int differences = recount(campaign, votes, results, expected);
        long recountMs = (System.nanoTime() - t4) / 1_000_000;
        System.out.printf("tally: %d subjects in %d ms; recount by hand in %d ms: %d differences%n", results.size(),
                tallyMs, recountMs, differences);

        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean met = importMs <= 15_000 && tallyMs <= 2_000 && differences == 0 && plantedOk && lost == 0
                && doubled == 0 && errors5xx == 0 && otherFailures == 0;
        System.out.printf("rating raters=%d villages=%d subjects=%d lines=%d import_ms=%d planted=%d planted_ms=%d "
                        + "tally_ms=%d recount=%s concurrent=%d requests=%d lost=%d double=%d errors5xx=%d p50_ms=%.1f "
                        + "p99_ms=%.1f generate_ms=%d load_avg=%.1f target=%s%n", RATERS, villages.size(), township.size(),
                lines + onlineBallots, importMs, refused.errorCount(), plantedMs, tallyMs, differences == 0 ? "ok" : "differs",
                online.size(), requests.size(), lost, doubled, errors5xx, p50, p99, generateMs, load, met ? "met" : "missed");
    }

    /** Grades drawn as a village meeting might give them: mostly 好 and 较好, a few 差. */
    private static int pick(Random random) {
        int n = random.nextInt(100);
        return n < 55 ? 0 : n < 85 ? 1 : n < 95 ? 2 : 3;
    }

    /** The same file with 200 planted errors: bad grades, unknown raters and a duplicated row (one error each). */
    private static byte[] withPlantedErrors(List<String[]> sample, Map<Long, List<Subject>> subjectsOf,
                                            List<RaterRow> raters) throws Exception {
        // rewritten in full (POI cannot edit a streamed file): the planted rows are added to a small valid part
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("纸质评议票");
            Row h = sheet.createRow(0);
            for (int i = 0; i < PaperBallots.HEADERS.length; i++) {
                h.createCell(i).setCellValue(PaperBallots.HEADERS[i]);
            }
            java.util.Set<String> replaced = new java.util.HashSet<>();
            for (int k = 0; k < PLANTED; k++) {
                if (k % 4 < 2) {
                    replaced.add(sample.get(k)[0] + "|" + sample.get(k)[1]);
                }
            }
            int r = 1;
            // the valid bulk: every rater × subject (as the real file), so the checks run at full size
            for (int i = 0; i < raters.size(); i++) {
                RaterRow rater = raters.get(i);
                if (i % 44 == 0) {
                    continue;
                }
                for (Subject s : subjectsOf.get(rater.village())) {
                    if (replaced.contains(rater.no() + "|" + s.id())) {
                        continue; // its row comes below, with a grade nobody uses
                    }
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(rater.no());
                    row.createCell(1).setCellValue(s.id());
                    row.createCell(2).setCellValue(s.name());
                    row.createCell(3).setCellValue("好");
                }
            }
            for (int k = 0; k < PLANTED; k++) {
                String[] p = sample.get(k);
                Row row = sheet.createRow(r++);
                int kind = k % 4;
                // 0, 1: a grade nobody uses; 2: an unknown rater; 3: the same rater and subject again
                row.createCell(0).setCellValue(kind == 2 ? "X" + k : p[0]);
                row.createCell(1).setCellValue(Long.parseLong(p[1]));
                row.createCell(2).setCellValue(p[2]);
                row.createCell(3).setCellValue(kind < 2 ? "优秀" : "好");
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /**
     * The recount by hand: (1) counts per subject × group × grade by a pivot query, compared with the generator's own
     * counts and with the tally; (2) the weighted points in SQL from the scheme as written in shuangshu-2026.1.yaml
     * (好 100, 较好 80, 一般 60, 差 0; 党员 0.4, 村民代表 0.3, 乡镇评价 0.3; a missing part leaves out its weight), the
     * grade by a loop (85 / 70 / 60, or 差 when 差 votes are at least a third of all).
     */
    private int recount(long campaign, Map<Long, Map<String, GroupVotes>> votes,
                        Map<Long, EvaluationScheme.Result> results, Map<String, long[]> expected) {
        int[] differences = {0};
        Map<String, long[]> counted = new HashMap<>();
        jdbc.query("""
                select subject_id, rater_group,
                       sum(case when grade = 'A' then 1 else 0 end), sum(case when grade = 'B' then 1 else 0 end),
                       sum(case when grade = 'C' then 1 else 0 end), sum(case when grade = 'D' then 1 else 0 end)
                from pe_ballot where campaign_id = ? group by subject_id, rater_group""", rs -> {
            counted.put(rs.getLong(1) + "|" + rs.getString(2),
                    new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
        }, campaign);
        if (!counted.keySet().equals(expected.keySet())) {
            differences[0]++;
            System.out.println("differs: subject × group keys (" + counted.size() + " vs " + expected.size() + " generated)");
        }
        counted.forEach((key, n) -> {
            if (!Arrays.equals(n, expected.get(key))) {
                differences[0]++;
                System.out.println("differs: " + key + " counted " + Arrays.toString(n) + " generated "
                        + Arrays.toString(expected.get(key)));
            }
            String[] k = key.split("\\|");
            GroupVotes v = votes.getOrDefault(Long.parseLong(k[0]), Map.of()).get(k[1]);
            for (int g = 0; g < 4; g++) {
                long tallied = v == null ? 0 : v.byGrade().getOrDefault(GRADES[g], 0L);
                if (tallied != n[g]) {
                    differences[0]++;
                    System.out.println("differs: tally " + key + " " + GRADES[g] + " " + tallied + " vs " + n[g]);
                }
            }
        });
        jdbc.query("""
                with g as (
                    select subject_id, rater_group, count(*) as n,
                           sum(case grade when 'A' then 100 when 'B' then 80 when 'C' then 60 else 0 end) as pts,
                           sum(case when grade = 'D' then 1 else 0 end) as poor
                    from pe_ballot where campaign_id = ? group by subject_id, rater_group),
                s as (
                    select p.id,
                           coalesce(sum(case g.rater_group when 'PARTY_MEMBER' then 0.4 * g.pts / g.n
                                                           when 'VILLAGER_REP' then 0.3 * g.pts / g.n end), 0)
                             + case p.township_grade when 'A' then 30 when 'B' then 24 when 'C' then 18 when 'D' then 0 else 0 end
                             as weighted,
                           coalesce(sum(case g.rater_group when 'PARTY_MEMBER' then 0.4 when 'VILLAGER_REP' then 0.3 end), 0)
                             + case when p.township_grade is null then 0 else 0.3 end as weights,
                           coalesce(sum(g.poor), 0) as poor, coalesce(sum(g.n), 0) as n
                    from pe_subject p left join g on g.subject_id = p.id
                    where p.campaign_id = ? group by p.id, p.township_grade)
                select id, case when weights = 0 then null else round(weighted / weights, 2) end, poor, n from s""",
                rs -> {
                    long id = rs.getLong(1);
                    BigDecimal points = rs.getBigDecimal(2);
                    long poor = rs.getLong(3);
                    long n = rs.getLong(4);
                    String grade;
                    if (points == null) {
                        grade = null;
                    } else if (n > 0 && poor * 10000 >= 3333L * n) {
                        grade = "D";
                    } else if (points.compareTo(BigDecimal.valueOf(85)) >= 0) {
                        grade = "A";
                    } else if (points.compareTo(BigDecimal.valueOf(70)) >= 0) {
                        grade = "B";
                    } else if (points.compareTo(BigDecimal.valueOf(60)) >= 0) {
                        grade = "C";
                    } else {
                        grade = "D";
                    }
                    EvaluationScheme.Result r = results.get(id);
                    boolean samePoints = points == null ? r.points() == null
                            : r.points() != null && points.setScale(2, RoundingMode.HALF_UP).compareTo(r.points()) == 0;
                    if (!samePoints || !java.util.Objects.equals(grade, r.grade())) {
                        differences[0]++;
                        System.out.println("differs: subject " + id + " recount " + points + " " + grade + ", result "
                                + r.points() + " " + r.grade());
                    }
                }, campaign, campaign);
        return differences[0];
    }

    private long count(String sql, long campaign) {
        return jdbc.queryForObject(sql, Long.class, campaign);
    }
}
