package cn.zugong.rating.internal.scheme;

import java.util.List;

/** A scheme file that cannot be used: every problem, each naming the file, the criterion (or part) and the reason. */
public class SchemeException extends RuntimeException {

    private final List<String> problems;

    public SchemeException(String file, List<String> problems) {
        super("评定方案 " + file + " 有误：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
