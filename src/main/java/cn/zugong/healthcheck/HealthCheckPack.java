package cn.zugong.healthcheck;

/** The indicator pack the 数字体检 pages evaluate (used by the demo to run its two evaluations). */
public final class HealthCheckPack {

    public static final String CODE = "healthcheck";

    private HealthCheckPack() {
    }
}
