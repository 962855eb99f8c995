package cn.zugong.lighting.internal;

/**
 * An external channel the outbox delivers through (a 浙政钉-style webhook robot today; SMS or a 钉钉 work
 * notice would be further beans). {@link #send} throws when the message was not accepted; the outbox retries.
 */
public interface NoticeChannel {

    String name();

    /** Returns the HTTP-like status code of the accepted delivery. */
    int send(String target, String payload) throws Exception;
}
