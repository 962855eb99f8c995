package cn.zugong.prosperity.internal.matching;

import java.util.List;

/** A score file that cannot be used: every problem, each naming the key and the reason. Stops the start. */
public class ScoreFileException extends RuntimeException {

    private final List<String> problems;

    public ScoreFileException(String file, List<String> problems) {
        super("匹配评分文件 " + file + " 有误：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
