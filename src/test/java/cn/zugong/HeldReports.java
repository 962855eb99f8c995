package cn.zugong;

import cn.zugong.report.ReportJobs;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * A report kind for tests that occupies a worker until the test lets it go: a job's parameter names the gate it
 * waits at (for a minute at most), so nothing depends on how fast a real report is.
 */
@Component
public class HeldReports implements ReportJobs.Kind {

    public static final String KIND = "test-held";

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    /** A new closed gate; pass it as the job's parameter. */
    public String gate() {
        String gate = UUID.randomUUID().toString();
        gates.put(gate, new CountDownLatch(1));
        return gate;
    }

    public void open(String gate) {
        gates.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public byte[] produce(String gate, ReportJobs.Progress progress) {
        try {
            gates.computeIfAbsent(gate, g -> new CountDownLatch(1)).await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return gate.getBytes(java.nio.charset.StandardCharsets.UTF_8); // the file names its gate, so a test can tell files apart
    }
}
