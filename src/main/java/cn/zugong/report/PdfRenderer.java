package cn.zugong.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** XHTML (e.g. a Thymeleaf template in XML mode) to PDF, with the CJK font as {@code font-family: zh}. */
@Component
public class PdfRenderer {

    private final CjkFont font;

    PdfRenderer(CjkFont font) {
        this.font = font;
    }

    public byte[] render(String xhtml) {
        try (var out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.file(), "zh");
            builder.withHtmlContent(xhtml, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
