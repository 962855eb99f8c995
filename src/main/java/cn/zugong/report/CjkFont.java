package cn.zugong.report;

import java.awt.Font;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0), shipped in the jar under fonts/ because no Maven artifact
 * carries a CJK font and PDFBox cannot embed the CFF outlines of Noto/Source Han: it has TrueType outlines,
 * so PDFs embed a small subset and AWT draws chart labels with it.
 */
@Component
class CjkFont {

    public static final String FAMILY = "WenQuanYi Micro Hei";
    private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

    private volatile File file;
    private volatile Font awt;

    /** The font collection as a file (the PDF renderer reads collections from files). */
    public File file() {
        if (file == null) {
            synchronized (this) {
                if (file == null) {
                    try (InputStream in = stream()) {
                        File copy = File.createTempFile("zugong-wqy-", ".ttc");
                        copy.deleteOnExit();
                        Files.copy(in, copy.toPath(), StandardCopyOption.REPLACE_EXISTING);
                        file = copy;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return file;
    }

    /** The font for charts, at the given style and size. */
    public Font awt(int style, float size) {
        if (awt == null) {
            synchronized (this) {
                if (awt == null) {
                    try (InputStream in = stream()) {
                        awt = Font.createFonts(in)[0];
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot load " + RESOURCE, e);
                    }
                }
            }
        }
        return awt.deriveFont(style, size);
    }

    private static InputStream stream() {
        InputStream in = CjkFont.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("font missing from the classpath: " + RESOURCE);
        }
        return in;
    }
}
