package cn.zugong.lighting;

import cn.zugong.lighting.internal.Scoring;
import cn.zugong.org.OrgNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The 亮灯台 scores other modules read (the ratings' computed criteria). */
@Service
public class LightingScores {

    private final Scoring scoring;

    LightingScores(Scoring scoring) {
        this.scoring = scoring;
    }

    /**
     * The year's score (0–100, 1 decimal) of each area — a unit, a township, any node — over the closed months of
     * the year: Σ(colour points × weight) ÷ Σ weight of the lights of the tasks led by the area or a node below it.
     * Areas leading no lit task are left out. One aggregate query for all areas; no caller scope.
     */
    public Map<Long, BigDecimal> yearScores(Collection<OrgNode> areas, int year) {
        return scoring.yearScores(areas.stream().map(OrgNode::id).distinct().toList(), year);
    }
}
