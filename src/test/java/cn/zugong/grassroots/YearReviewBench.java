package cn.zugong.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.HttpBenchSupport;
import cn.zugong.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * code that computed the review). Prints {@code annual figures=… generate_cold_ms=… generate_p50_ms=…
 * generate_max_ms=… recount=ok|differs differing=… target=met|missed} (target: every warm generation ≤ 5 s, every
 * recount equal).
 */
@Tag("bench")
@IntegrationTest
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
        boolean met = warm[ROUNDS - 1] <= 5_000 && differing.isEmpty();
        System.out.printf("annual-detail members=%d logs=%d missing_modules=%s differing=%s%n", members, logs,
                last.review().get("missingModules"), differing);
        System.out.printf("annual figures=%d generate_cold_ms=%d generate_p50_ms=%d generate_max_ms=%d recount=%s "
                        + "differing=%d target=%s%n", figures, cold, warm[ROUNDS / 2], warm[ROUNDS - 1],
                differing.isEmpty() ? "ok" : "differs", differing.size(), met ? "met" : "missed");
        assertThat(differing).as("figures whose records add up to another value").isEmpty();
    }

    private record Generated(long id, long millis, JsonNode review) {
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
