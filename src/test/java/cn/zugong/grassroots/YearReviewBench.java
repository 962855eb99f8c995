package cn.zugong.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.HttpBenchSupport;
import cn.zugong.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run.sh annual} (issue 20, ADR 081): the city review of a year generated over real HTTP
 * ({@code POST /api/annual}, the demo ADMIN's token) on the grassroots benchmark's city-scale set (100,000 party
 * members, 200,000 service logs, 30,000 mobile members, 1,000 workshops × 24 months, written by the
 * {@code *GrassrootsBench} parts that run before this class in the same context: the test database is cleaned when a
 * run starts), once cold and {@code bench.rounds} times warm; then every figure of the last review against the records behind it
 * ({@code GET /api/annual/{id}/figures/{key}/records}: each source's own SQL recount, independent of the figures
 * code that computed the review), and every figure against its module's own figures API for the same scope and
 * period ({@code GET /api/healthcheck/figures}, {@code /api/cadres/…/figures}, {@code /api/party/…/figures},
 * {@code /api/prosperity/…/figures}, {@code /api/ratings/results}, {@code /api/talent/figures},
 * {@code /api/tickets/figures}, {@code /api/service/figures}, {@code /api/deliberation/figures},
 * {@code /api/lighting/figures}, read as the sources' own ITs read them). The {@code *CadreBench} parts run before this
 * class too (bench.people), so the cadre figures read a city-scale set. Prints {@code annual-detail …} and
 * {@code annual figures=… generate_cold_ms=… generate_p50_ms=… generate_max_ms=… recount=ok|differs pages=ok|differs
 * differing=… target=met|missed} (target: every warm generation ≤ 5 s, every recount and every module page equal;
 * {@code differing} counts both kinds).
 */
@Tag("bench")
@IntegrationTest
@Order(Integer.MAX_VALUE) // after every part writing the set (the annual run orders classes by @Order)
class YearReviewBench extends HttpBenchSupport {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final int YEAR = Integer.getInteger("bench.year", 2026);

    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void cityReviewOfAYear() throws Exception {
        long city = jdbc.queryForObject("select id from org_node where code = '3309'", Long.class);
        long logs = jdbc.queryForObject("select count(*) from checkin_log", Long.class);
        long members = jdbc.queryForObject("select count(*) from party_member", Long.class);
        Browser admin = apiClient("admin");
        long evaluationMs = evaluateTheCity(admin);
        String request = "{\"nodeId\":" + city + ",\"year\":" + YEAR + "}";

        long cold = generate(admin, request).millis();
        long[] warm = new long[ROUNDS];
        Generated last = null;
        for (int i = 0; i < ROUNDS; i++) {
            last = generate(admin, request);
            warm[i] = last.millis();
        }
        Arrays.sort(warm);

        List<String> differing = new ArrayList<>();
        int figures = 0;
        for (JsonNode f : last.review().get("figures")) {
            figures++;
            String key = f.get("key").asText();
            HttpResponse<String> records = admin.get("/api/annual/" + last.id() + "/figures/"
                    + URLEncoder.encode(key, StandardCharsets.UTF_8) + "/records");
            assertThat(records.statusCode()).as("records of %s", key).isEqualTo(200);
            BigDecimal recount = new BigDecimal(json.readTree(records.body()).get("value").asText());
            BigDecimal value = new BigDecimal(f.get("value").asText());
            if (recount.compareTo(value) != 0) {
                differing.add(key + ":" + value.toPlainString() + "≠" + recount.toPlainString());
            }
        }

        // every figure against its module's own figures API, same scope (the city admin's) and period
        ModulePages pages = new ModulePages(admin, city, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31));
        List<String> pageDiffering = new ArrayList<>();
        int compared = 0;
        for (JsonNode f : last.review().get("figures")) {
            String key = f.get("key").asText();
            BigDecimal shown = pages.value(f.get("source").asText(), f.get("measure").asText());
            if (shown == null) {
                pageDiffering.add(key + ":no module page read for " + f.get("source").asText());
                continue;
            }
            compared++;
            BigDecimal value = new BigDecimal(f.get("value").asText());
            if (shown.compareTo(value) != 0) {
                pageDiffering.add(key + ":" + value.toPlainString() + "≠page " + shown.toPlainString());
            }
        }
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        int differs = differing.size() + pageDiffering.size();
        boolean met = warm[ROUNDS - 1] <= 5_000 && differs == 0;
        long talents = jdbc.queryForObject("select count(*) from talent", Long.class);
        long tasks = jdbc.queryForObject("select count(*) from lighting_task", Long.class);
        System.out.printf("annual-detail members=%d logs=%d people=%d talents=%d lighting_tasks=%d "
                        + "healthcheck_evaluation_ms=%d missing_modules=%s differing=%s "
                        + "pages_compared=%d pages_differing=%d page_differences=%s page_sources=%s%n", members, logs,
                people, talents, tasks, evaluationMs, last.review().get("missingModules"), differing, compared, pageDiffering.size(), pageDiffering,
                pages.read());
        System.out.printf("annual figures=%d generate_cold_ms=%d generate_p50_ms=%d generate_max_ms=%d recount=%s "
                        + "pages=%s differing=%d target=%s%n", figures, cold, warm[ROUNDS / 2], warm[ROUNDS - 1],
                differing.isEmpty() ? "ok" : "differs", pageDiffering.isEmpty() ? "ok" : "differs", differs,
                met ? "met" : "missed");
        assertThat(differing).as("figures whose records add up to another value").isEmpty();
        assertThat(pageDiffering).as("figures that differ from their module's figures page").isEmpty();
    }

    /**
     * The modules' own figures APIs over real HTTP, read for one scope (the signed-in account's, or the node where
     * the route takes one) and period, under the sources' measure keys: one read a source, as each source's IT reads
     * its page (LightingFigureSourceIT, CadreFigureSourcesIT, PartyFigureSourcesIT, ProsperityFigureSourcesIT,
     * RatingStarsFigureSourceIT, TalentFigureSourcesIT, TicketFigureSourceIT, VisitFigureSourceIT,
     * HealthCheckFigureSourceIT, AnnualReviewIT for 三事分流).
     */
    private final class ModulePages {
        private final Browser user;
        private final long node;
        private final String from;
        private final String to;
        private final int year;
        private final Map<String, Map<String, BigDecimal>> bySource = new LinkedHashMap<>();

        ModulePages(Browser user, long node, LocalDate from, LocalDate to) {
            this.user = user;
            this.node = node;
            this.from = from.toString();
            this.to = to.toString();
            this.year = to.getYear();
        }

        /** The sources read so far. */
        Set<String> read() {
            return bySource.keySet();
        }

        /** The page's figure for a source's measure, null when no page is known for the source. */
        BigDecimal value(String source, String measure) throws Exception {
            if (!bySource.containsKey(source)) {
                bySource.put(source, page(source));
            }
            Map<String, BigDecimal> values = bySource.get(source);
            return values == null ? null : values.get(measure);
        }

        private Map<String, BigDecimal> page(String source) throws Exception {
            String period = "from=" + from + "&to=" + to;
            return switch (source) {
                case "healthcheck.checks" -> pick(api("/api/healthcheck/figures?nodeId=" + node + "&" + period), "indicators",
                        "/indicators", "evaluations", "/evaluations", "red", "/red", "rectified", "/rectified");
                case "lighting.board" -> pick(api("/api/lighting/figures?" + period), "tasks", "/tasks",
                        "greenShare", "/greenShare");
                case "service.visits" -> {
                    JsonNode a = api("/api/service/figures?period=custom&" + period);
                    long projects = 0;
                    long enterprises = 0;
                    long farmers = 0;
                    for (JsonNode c : a.get("cadres")) {
                        projects += c.get("projects").asLong();
                        enterprises += c.get("enterprises").asLong();
                        farmers += c.get("farmers").asLong();
                    }
                    yield Map.of("cadres", BigDecimal.valueOf(a.get("cadres").size()),
                            "projectVisits", BigDecimal.valueOf(projects),
                            "enterpriseVisits", BigDecimal.valueOf(enterprises),
                            "householdVisits", BigDecimal.valueOf(farmers));
                }
                case "tickets.figures" -> pick(api("/api/tickets/figures?year=" + year + "&unitId=" + node),
                        "found", "/total/found", "solved", "/total/solved", "rate", "/total/rate");
                case "deliberation.matters" -> {
                    JsonNode a = api("/api/deliberation/figures?nodeId=" + node + "&" + period);
                    long raised = a.get("unclassified").asLong();
                    long resolved = 0;
                    for (JsonNode line : a.get("byKind")) {
                        raised += line.get("raised").asLong();
                        resolved += line.get("resolved").asLong();
                    }
                    yield Map.of("raised", BigDecimal.valueOf(raised), "closed", BigDecimal.valueOf(resolved));
                }
                case "talent.register" -> pick(api("/api/talent/figures?year=" + year), "recognised",
                        "/recognitions/decided", "codes", "/codes/issuedInYear");
                case "talent.services" -> pick(api("/api/talent/figures?year=" + year), "applications",
                        "/services/total/applications", "materialsCutPct", "/reduction");
                case "talent.grants" -> pick(api("/api/talent/figures?year=" + year), "amountYuan", "/grants/paid");
                case "prosperity.workshops" -> {
                    JsonNode t = api("/api/prosperity/workshops/figures?from=" + year + "-01&to=" + year + "-12")
                            .at("/total");
                    long workerMonths = t.at("/workerMonths").asLong();
                    Map<String, BigDecimal> out = pick(t, "workshops", "/workshops", "collectiveIncomeYuan",
                            "/collectiveIncome", "jobs", "/jobs");
                    out.put("monthlyIncomePerWorkerYuan", workerMonths == 0 ? BigDecimal.ZERO : t.at("/wages")
                            .decimalValue().divide(BigDecimal.valueOf(workerMonths), 2, RoundingMode.HALF_UP));
                    yield out;
                }
                case "prosperity.pairs" -> pick(api("/api/prosperity/pairs/figures"), "companies", "/total/companies",
                        "enterprises", "/total/enterprises", "villages", "/total/villages");
                case "prosperity.matching" -> pick(api("/api/prosperity/matching/figures?" + period),
                        "peopleEngaged", "/peopleEngaged");
                case "prosperity.joint" -> pick(api("/api/prosperity/joint/figures?" + period), "committees",
                        "/total/committees", "pairs", "/total/pairs");
                case "party.checkin" -> pick(api("/api/party/checkin/figures?" + period), "members",
                        "/total/members", "remoteIslandsCovered", "/remoteIslandsCovered", "elderlyVisits",
                        "/total/elderlyVisits", "fundsYuan", "/total/fundsYuan");
                case "party.mobile" -> pick(api("/api/party/mobile/figures?" + period), "active",
                        "/periodEnd/active", "managed", "/periodEnd/managed");
                case "rating.stars" -> Map.of("fiveStarDoubleStrong", BigDecimal.valueOf(fiveStarDoubleStrong()));
                case "cadre.frontline" -> pick(api("/api/cadres/frontline/figures?" + period), "teams",
                        "/total/teams", "cadres", "/total/cadres", "advanced", "/total/advanced", "cases",
                        "/total/cases");
                case "cadre.appointments" -> pick(api("/api/cadres/appointments/figures?" + period), "people",
                        "/people", "frontlinePeople", "/frontlinePeople", "frontlineShare", "/sharePercent");
                case "cadre.care" -> {
                    JsonNode a = api("/api/cadres/care/figures?" + period);
                    Map<String, BigDecimal> out = new LinkedHashMap<>();
                    for (String k : List.of("cleared", "tolerated", "visited", "reused", "rewardedPeople",
                            "rewardedUnits", "batches")) {
                        out.put(k, number(a, "/totals/" + k));
                    }
                    yield out;
                }
                case "cadre.young" -> pick(api("/api/cadres/young/figures?year=" + year), "posted",
                        "/total/posted", "promoted", "/total/promoted");
                case "cadre.leaders" -> pick(api("/api/cadres/leaders/figures?year=" + year), "handoverLeaders",
                        "/handoverLeaders", "handoverTownships", "/handoverTownships", "handoverCounties",
                        "/handoverCounties");
                case "cadre.training" -> pick(api("/api/cadres/training/figures?" + period), "enrolments",
                        "/total/enrolments");
                case "cadre.research" -> pick(api("/api/cadres/research/figures?" + period), "topics",
                        "/total/topics", "keyTopics", "/total/keyTopics", "solvedRate", "/total/solvedPct");
                default -> null;
            };
        }

        /**
         * 五星双强 as the results pages show it: the sum over the schemes that give it (five stars at best and 双强
         * conditions, their newest version) of each scheme's results page for the year.
         */
        private long fiveStarDoubleStrong() throws Exception {
            long sum = 0;
            for (JsonNode s : api("/api/ratings/schemes")) {
                if (!s.get("latest").asBoolean() || s.get("maxStars").asInt() != 5) {
                    continue;
                }
                String code = URLEncoder.encode(s.get("code").asText(), StandardCharsets.UTF_8);
                JsonNode detail = api("/api/ratings/schemes/" + code + "/"
                        + URLEncoder.encode(s.get("version").asText(), StandardCharsets.UTF_8));
                if (detail.get("strong") == null || detail.get("strong").isEmpty()) {
                    continue;
                }
                sum += api("/api/ratings/results?scheme=" + code + "&year=" + year).at("/total/topDoubleStrong")
                        .asLong();
            }
            return sum;
        }

        private JsonNode api(String path) throws Exception {
            HttpResponse<String> answer = user.get(path);
            assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
            return json.readTree(answer.body());
        }

        private Map<String, BigDecimal> pick(JsonNode a, String... keysAndPointers) {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            for (int i = 0; i < keysAndPointers.length; i += 2) {
                out.put(keysAndPointers[i], number(a, keysAndPointers[i + 1]));
            }
            return out;
        }

        /** A figure of the page; a missing or null one (a percentage with nothing to divide) is zero. */
        private BigDecimal number(JsonNode a, String pointer) {
            JsonNode v = a.at(pointer);
            return v.isMissingNode() || v.isNull() ? BigDecimal.ZERO : new BigDecimal(v.asText());
        }
    }

    private record Generated(long id, long millis, JsonNode review) {
    }

    /**
     * Two stored 数字体检 of the city over the set's roster (the cadre parts' people), as of the end of November of
     * the year and of the year before, through the module's API: the review's health-check figures then read
     * evaluations of the set, not only the demo's. Returns the slower run's milliseconds.
     */
    private long evaluateTheCity(Browser admin) {
        long slowest = 0;
        for (int year : List.of(YEAR - 1, YEAR)) {
            long start = System.nanoTime();
            HttpResponse<String> run = admin.postJson("/api/healthcheck/evaluations?asOf=" + year + "-11-30", "{}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
        }
        return slowest;
    }

    private Generated generate(Browser admin, String request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = admin.postJson("/api/annual", request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode review = json.readTree(answer.body());
        return new Generated(review.get("review").get("id").asLong(), millis, review);
    }
}
