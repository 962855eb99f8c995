package cn.zugong.prosperity.internal.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The matcher's score file, read and checked once at start: a file with any problem stops the application with
 * every problem listed (a ranking by a half-read rule would be wrong without anybody noticing).
 */
@Component
public class MatchingScoreFile {

    private final ScoreRules rules;
    private final String name;

    MatchingScoreFile(@Value("${zugong.matching.score-file:classpath:prosperity/matching-score.yaml}") Resource file)
            throws IOException {
        this.name = file.getFilename();
        if (!file.exists()) {
            throw new ScoreFileException(String.valueOf(file), java.util.List.of("文件不存在"));
        }
        this.rules = ScoreRulesParser.parse("prosperity/" + name, file.getContentAsString(StandardCharsets.UTF_8));
    }

    public ScoreRules rules() {
        return rules;
    }
}
