package cn.zugong.demo;

import static cn.zugong.TestClients.fromNewClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.demo.internal.DemoLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Readiness tells the truth (issue 14, ADR 047): while the demo loads, /actuator/health/readiness and the combined
 * health answer 503, the login page shows the notice and a sign-in is answered with it. The demo load is run again
 * (it adds nothing, see {@link DemoLoaderIT}) and held back at its start through the readiness event it publishes.
 */
@IntegrationTest
class DemoReadinessIT {

    private static final String NOTICE = "演示数据加载中，请稍候……";

    @Autowired DemoLoader loader;
    @Autowired ConfigurableApplicationContext context;
    @Autowired ApplicationAvailability availability;
    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsDownWhileTheDemoLoadsAndUpAfterwards() throws Exception {
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(httpStatus("/actuator/health/readiness")).isEqualTo(200);
        assertThat(httpStatus("/actuator/health")).isEqualTo(200);
        mvc.perform(get("/login")).andExpect(content().string(Matchers.not(Matchers.containsString(NOTICE))));

        CountDownLatch refusing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ApplicationListener<ApplicationEvent> holdBack = event -> {
            if (event instanceof AvailabilityChangeEvent<?> change && change.getSource() == loader
                    && change.getState() == ReadinessState.REFUSING_TRAFFIC) {
                refusing.countDown();
                await(release);
            }
        };
        context.addApplicationListener(holdBack);
        CompletableFuture<Void> load;
        try {
            load = CompletableFuture.runAsync(() -> loader.run(new DefaultApplicationArguments()));
            try {
                assertThat(refusing.await(30, TimeUnit.SECONDS)).as("the demo load started").isTrue();
                assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
                assertThat(httpStatus("/actuator/health/readiness")).isEqualTo(503);
                assertThat(httpStatus("/actuator/health")).isEqualTo(503);
                assertThat(httpStatus("/actuator/health/liveness")).as("alive while loading").isEqualTo(200);
                mvc.perform(get("/login")).andExpect(status().isOk())
                        .andExpect(content().string(Matchers.containsString(NOTICE)));
                mvc.perform(post("/login").param("username", "admin").param("password", IntegrationTest.PASSWORD)
                                .with(csrf()).with(fromNewClient()))
                        .andExpect(redirectedUrl("/login?loading"));
                mvc.perform(get("/api/org/root").with(httpBasic("admin", IntegrationTest.PASSWORD)).with(fromNewClient()))
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(content().string(Matchers.containsString(NOTICE)));
            } finally {
                release.countDown();
            }
        } finally {
            context.removeApplicationListener(holdBack);
        }
        load.get(120, TimeUnit.SECONDS);

        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(httpStatus("/actuator/health/readiness")).isEqualTo(200);
        assertThat(httpStatus("/actuator/health")).isEqualTo(200);
        mvc.perform(get("/login")).andExpect(content().string(Matchers.not(Matchers.containsString(NOTICE))));
        mvc.perform(post("/login").param("username", "admin").param("password", IntegrationTest.PASSWORD)
                        .with(csrf()).with(fromNewClient()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void livenessAndReadinessAreOpenProbes() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = http.send(request(probe), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components");
        }
    }

    private int httpStatus(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
