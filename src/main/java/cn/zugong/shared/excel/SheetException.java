package cn.zugong.shared.excel;

/** An uploaded sheet cannot be read as a whole (not an .xlsx, too large, too many rows, a cell too long). */
public class SheetException extends RuntimeException {

    /** {@code message} is shown to the user: Chinese, naming what is wrong and where. */
    public SheetException(String message) {
        super(message);
    }
}
