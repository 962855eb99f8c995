package cn.zugong.rating.internal.scheme;

import cn.zugong.rating.RatingMetric;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Every scheme file under {@code ratings/schemes/}, read and checked once at start: a broken file stops the start
 * with its file name, criterion and reason (ADR 062). Two files with the same code and version are refused too.
 */
@Service
class SchemeCatalogue implements RatingSchemes {

    static final String LOCATION = "classpath*:ratings/schemes/*.yaml";

    private final List<RatingScheme> schemes;

    SchemeCatalogue(ObjectProvider<RatingMetric> metrics) {
        this.schemes = load(metrics.orderedStream().map(RatingMetric::code).collect(Collectors.toSet()));
    }

    static List<RatingScheme> load(Set<String> metrics) {
        List<RatingScheme> loaded = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    RatingScheme scheme = SchemeParser.parse(file.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8), metrics);
                    if (!keys.add(scheme.code() + "@" + scheme.version())) {
                        throw new SchemeException(file.getFilename(), List.of("方案 " + scheme.code() + " 的版本 "
                                + scheme.version() + " 已由另一个文件定义"));
                    }
                    loaded.add(scheme);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rating schemes", e);
        }
        loaded.sort(Comparator.comparing(RatingScheme::code).thenComparing(RatingScheme::version));
        return List.copyOf(loaded);
    }

    @Override
    public List<RatingScheme> all() {
        return schemes;
    }

    @Override
    public Optional<RatingScheme> find(String code, String version) {
        return schemes.stream().filter(s -> s.code().equals(code) && s.version().equals(version)).findFirst();
    }

    @Override
    public Optional<RatingScheme> latest(String code) {
        return schemes.stream().filter(s -> s.code().equals(code)).reduce((a, b) -> b);
    }
}
