package cn.zugong;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Client addresses for MockMvc requests. The login throttle and the HTTP Basic audit count per address, so a
 * test that signs in gets an address no other test has used, and one test's failures never throttle another.
 */
public final class TestClients {

    private static final AtomicInteger USED = new AtomicInteger();

    private TestClients() {
    }

    /** An address no test has used yet in this JVM (10.77.0.1, 10.77.0.2 … 10.77.1.0 …). */
    public static String newClient() {
        int n = USED.incrementAndGet();
        return "10.77." + (n / 256) + "." + (n % 256);
    }

    /** Sends the request from the given client address. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Sends the request from a fresh client address. */
    public static RequestPostProcessor fromNewClient() {
        return from(newClient());
    }
}
