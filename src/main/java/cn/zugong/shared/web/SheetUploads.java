package cn.zugong.shared.web;

import cn.zugong.shared.excel.SheetException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload form of an Excel import page, handled the same way everywhere: the file's name and the import's
 * result go to the model ({@code fileName}, {@code result}); a result with errors answers 422, a missing, empty or
 * unreadable file answers 400 with {@code fileError}.
 */
public final class SheetUploads {

    private SheetUploads() {
    }

    /**
     * Runs {@code importer} on the uploaded file (an empty stream and a null name when no file came) and fills the
     * model and the status as above.
     *
     * @param importer reads the sheet from the stream, given the file's original name
     * @param ok       whether the import's result has no errors
     */
    public static <R> void handle(MultipartFile file, Model model, HttpServletResponse response,
                                  BiFunction<InputStream, String, R> importer, Predicate<? super R> ok) {
        if (file != null) {
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            R result = importer.apply(in, file == null ? null : file.getOriginalFilename());
            model.addAttribute("result", result);
            if (!ok.test(result)) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        } catch (SheetException e) {
            model.addAttribute("fileError", file == null || file.isEmpty()
                    ? "请选择要上传的 .xlsx 文件（文件不能为空）" : e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (IOException e) {
            model.addAttribute("fileError", "读取上传文件失败，请重新上传");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
    }
}
