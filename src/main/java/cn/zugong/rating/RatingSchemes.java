package cn.zugong.rating;

import java.util.List;
import java.util.Optional;

/** The rating schemes loaded from ratings/schemes at start (every version of every scheme). */
public interface RatingSchemes {

    List<RatingScheme> all();

    Optional<RatingScheme> find(String code, String version);

    /** The newest version of a scheme (versions compare as text: 2026.1 &lt; 2026.2). */
    Optional<RatingScheme> latest(String code);
}
