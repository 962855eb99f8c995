package cn.zugong.lighting.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** POSTs the JSON payload to a group robot's webhook URL; any non-2xx answer is a failure. */
@Component
class WebhookChannel implements NoticeChannel {

    static final String NAME = "WEBHOOK";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int send(String target, String payload) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.statusCode();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
