package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.EvaluationViews.TrendPoint;
import cn.zugong.shared.legend.Colour;
import java.util.List;
import java.util.stream.Collectors;

/** Chart data as JSON for data- attributes (the CSP allows no inline scripts). */
public final class Charts {

    private Charts() {
    }

    /** Each point carries its colour's paint, so the script keeps no palette of its own. */
    public static String trend(List<TrendPoint> points) {
        return points.stream().map(p -> "{\"asOf\":\"" + p.asOf() + "\",\"value\":" + p.value() + ",\"colour\":"
                + (p.colour() == null ? "null" : "\"" + p.colour() + "\"") + ",\"hex\":"
                + (p.colour() == null ? "null" : "\"" + Colour.of(p.colour()).hex() + "\"") + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
