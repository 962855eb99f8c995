package cn.zugong.rating.internal.scheme;

import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationSchemes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/** Every public-evaluation scheme under {@code ratings/evaluation/}, read and checked once at start (ADR 062). */
@Service
class EvaluationSchemeCatalogue implements EvaluationSchemes {

    private final List<EvaluationScheme> schemes;

    EvaluationSchemeCatalogue() {
        this.schemes = load();
    }

    static List<EvaluationScheme> load() {
        List<EvaluationScheme> loaded = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:ratings/evaluation/*.yaml")) {
                try (InputStream in = file.getInputStream()) {
                    loaded.add(EvaluationSchemeParser.parse(file.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the public-evaluation schemes", e);
        }
        return List.copyOf(loaded);
    }

    @Override
    public List<EvaluationScheme> all() {
        return schemes;
    }

    @Override
    public Optional<EvaluationScheme> find(String code, String version) {
        return schemes.stream().filter(s -> s.code().equals(code) && s.version().equals(version)).findFirst();
    }
}
