package cn.zugong.demo.internal;

/**
 * A part of the demo loaded after the city, its roster and the modules that come before it: implemented by the
 * demo classes of newer modules (issue 18 on), run by {@link DemoLoader} in their {@code @Order}, so that adding a
 * module's demo does not touch the loader. Each step must be idempotent (a restart finds its rows and skips).
 */
interface DemoStep {

    void load();
}
