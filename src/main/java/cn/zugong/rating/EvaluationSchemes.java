package cn.zugong.rating;

import java.util.List;
import java.util.Optional;

/** The public-evaluation schemes loaded from ratings/evaluation at start. */
public interface EvaluationSchemes {

    List<EvaluationScheme> all();

    Optional<EvaluationScheme> find(String code, String version);
}
