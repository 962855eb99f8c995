package cn.zugong.cadrebench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 选拔任用纪实 in {@code bench/run.sh cadre}: five years (2022–2026) of appointment records made (任职 done) for about
 * 6 % of the base's people a year, 40 % of them from the frontline, written once with batched SQL; the figures page
 * (default period and five years), its API and its workbook measured over real HTTP as the city's admin, the five
 * years' totals recounted by hand in SQL written here; then 200 干部任免审批表 downloaded over HTTP (timed,
 * {@code word_ms}) and all opened in LibreOffice in one soffice call (outside the timing, {@code word_opened}).
 */
@Tag("bench")
@IntegrationTest
class AppointmentCadreBench extends CadreBenchSupport {

    static final double PER_YEAR = 0.06;
    static final int FORMS = 200;
    static final String[] KINDS = {"PROMOTION", "FURTHER_USE", "RANK_PROMOTION", "EXCHANGE"};

    @Test
    void figuresAndApprovalForms() throws Exception {
        Path soffice = soffice();
        Base base = base();
        long started = System.nanoTime();
        generate(base);
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        Browser admin = signIn("admin");
        Browser client = apiClient("admin");
        String five = "?from=" + FIRST_YEAR + "-01-01&to=" + LAST_YEAR + "-12-31";
        List<Latency> latencies = List.of(admin.measure("/cadres/appointments/figures"),
                admin.measure("/cadres/appointments/figures" + five), client.measure("/api/cadres/appointments/figures" + five),
                admin.measure("/cadres/appointments/figures.xlsx" + five, 5, 40));
        int errors = latencies.stream().mapToInt(Latency::failures).sum();
        double worst = latencies.stream().mapToDouble(Latency::p99).max().orElse(0);
        JsonNode api = new ObjectMapper().readTree(client.get("/api/cadres/appointments/figures" + five).body());
        boolean recount = recount(api);

        // 200 任免审批表 over real HTTP (a token client), then all opened in LibreOffice at once
        List<Long> people = jdbc.queryForList("select person_id from cadre_appointment where created_by = 'bench' "
                + "group by person_id order by person_id limit " + FORMS, Long.class);
        Path dir = Files.createTempDirectory("approval-forms");
        String token = token("admin");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long wordStart = System.nanoTime();
        int wordErrors = 0;
        for (long person : people) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/cadres/appointments/people/" + person + "/form.docx")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                wordErrors++;
                continue;
            }
            Files.write(dir.resolve("form-" + person + ".docx"), answer.body());
        }
        long wordMs = (System.nanoTime() - wordStart) / 1_000_000;
        errors += wordErrors;
        boolean opened = openAll(soffice, dir, people);

        long rows = jdbc.queryForObject("select count(*) from cadre_appointment", Long.class);
        part("appointments", String.format("rows=%d worst_p99_ms=%.1f recount=%s errors5xx=%d word_ms=%d word_opened=%s "
                        + "forms=%d generated_ms=%d page_p99_ms=%.1f five_years_p99_ms=%.1f api_p99_ms=%.1f xlsx_p99_ms=%.1f",
                rows, worst, recount ? "ok" : "differs", errors, wordMs, opened ? "ok" : "failed", people.size(),
                generatedMs, latencies.get(0).p99(), latencies.get(1).p99(), latencies.get(2).p99(), latencies.get(3).p99()));
        assertThat(recount).isTrue();
        assertThat(errors).isZero();
        assertThat(opened).isTrue();
        assertThat(people).hasSize(FORMS);
    }

    /** soffice on the PATH, or the bench fails saying how to install it. */
    private static Path soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("LibreOffice (soffice) is missing: the bench opens the 200 任免审批表 in it. "
                + "Install it with: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk");
    }

    private boolean openAll(Path soffice, Path dir, List<Long> people) throws Exception {
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=file://"
                + dir.resolve("profile"), "--headless", "--convert-to", "pdf", "--outdir", dir.toString()));
        people.forEach(p -> command.add(dir.resolve("form-" + p + ".docx").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return people.stream().allMatch(p -> {
            Path pdf = dir.resolve("form-" + p + ".pdf");
            try {
                return Files.exists(pdf) && Files.size(pdf) > 1000;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    private String token(String username) throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/tokens")).header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
        if (!m.find()) {
            throw new IllegalStateException("no API token: " + issued.statusCode());
        }
        return m.group(1);
    }

    // ------------------------------------------------------------------ rows, once

    private void generate(Base base) {
        long have = jdbc.queryForObject("select count(*) from cadre_appointment where created_by = 'bench'", Long.class);
        long want = (long) (base.personIds().length * PER_YEAR) * (LAST_YEAR - FIRST_YEAR + 1);
        if (have >= want * 9 / 10) {
            return;
        }
        Map<Long, Long> unitOf = new java.util.HashMap<>();
        jdbc.query("select p.id, p.unit_id from person p join org_node u on u.id = p.unit_id where u.code like '3309%'",
                rs -> {
                    unitOf.put(rs.getLong(1), rs.getLong(2));
                });
        long[] ids = base.personIds();
        SplittableRandom r = new SplittableRandom(76);
        Timestamp at = Timestamp.valueOf(LocalDate.of(FIRST_YEAR, 1, 1).atTime(9, 0));
        List<Object[]> batch = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int days = year == LAST_YEAR ? 300 : 365;
            for (int i = 0; i < ids.length * PER_YEAR; i++) {
                long person = ids[r.nextInt(ids.length)];
                String kind = KINDS[r.nextInt(10) < 4 ? 2 : r.nextInt(4)];
                boolean frontline = r.nextDouble() < 0.4;
                LocalDate on = LocalDate.of(year, 1, 1).plusDays(r.nextInt(days));
                batch.add(new Object[] {person, unitOf.get(person), kind, frontline, frontline ? "压测一线项目" : null,
                    "压测拟任职务", Date.valueOf(on), at});
                if (batch.size() == 5_000) {
                    insert(batch);
                    batch.clear();
                }
            }
        }
        insert(batch);
    }

    private void insert(List<Object[]> batch) {
        jdbc.batchUpdate("insert into cadre_appointment (person_id, unit_id, kind, frontline, basis, target_post, status, "
                + "last_step, effective_on, created_at, created_by) values (?, ?, ?, ?, ?, ?, 'DONE', 'APPOINTMENT', ?, ?, "
                + "'bench')", batch);
    }

    // ------------------------------------------------------------------ recount by hand

    private boolean recount(JsonNode api) {
        String where = " from cadre_appointment a join org_node u on u.id = a.unit_id where a.status = 'DONE' "
                + "and a.effective_on between date '" + FIRST_YEAR + "-01-01' and date '" + LAST_YEAR + "-12-31' "
                + "and u.code like '3309%'";
        long total = jdbc.queryForObject("select count(*)" + where, Long.class);
        long frontline = jdbc.queryForObject("select count(*)" + where + " and a.frontline", Long.class);
        long people = jdbc.queryForObject("select count(distinct a.person_id)" + where
                + " and a.kind in ('PROMOTION', 'FURTHER_USE', 'RANK_PROMOTION')", Long.class);
        long frontlinePeople = jdbc.queryForObject("select count(distinct a.person_id)" + where
                + " and a.frontline and a.kind in ('PROMOTION', 'FURTHER_USE', 'RANK_PROMOTION')", Long.class);
        long byCounty = 0;
        for (JsonNode c : api.path("byCounty")) {
            byCounty += c.path("total").asLong();
        }
        long byYear = 0;
        for (JsonNode y : api.path("byYear")) {
            byYear += y.path("total").asLong();
        }
        return total > 0 && api.path("appointments").asLong() == total
                && api.path("frontlineAppointments").asLong() == frontline && api.path("people").asLong() == people
                && api.path("frontlinePeople").asLong() == frontlinePeople && byCounty == total && byYear == total;
    }
}
