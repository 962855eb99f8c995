package cn.zugong.talent.internal;

import java.util.List;

/** What the module's all-or-nothing Excel imports (人才库, 自贸企业指标) answer. */
public final class SheetImport {

    private SheetImport() {
    }

    /** One problem of an imported file: "第 5 行 C 列（身份证号）：身份证号校验位错误". */
    public record ImportError(int row, String column, String header, String message) {
        public String text() {
            return "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
        }
    }

    /** The rows read and, when the file was refused, every problem in it (nothing was imported then). */
    public record ImportResult(int rows, List<ImportError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
