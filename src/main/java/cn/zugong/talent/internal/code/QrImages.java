package cn.zugong.talent.internal.code;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * QR images of the 人才码 (ZXing): the code's text ("ZT1:" + Base45, all in the QR alphanumeric set, so the symbol
 * stays small — version 8 at level M for the 151 characters) as a PNG, and the reverse for the verify page's upload
 * of a photo or screenshot.
 */
final class QrImages {

    private QrImages() {
    }

    static byte[] png(String text, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR encoding failed", e);
        }
    }

    /** The largest image decoded, in pixels (a 12-megapixel phone photo fits; a decompression bomb does not). */
    static final long MAX_PIXELS = 16_000_000L;

    /** Reads the image only when its declared size is reasonable (no image bomb); null otherwise. */
    private static BufferedImage bounded(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                return null;
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /** The text of the QR code in an image, or null when there is none (or the file is no image). */
    static String read(InputStream image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image)) {
            BufferedImage img = in == null ? null : bounded(in);
            if (img == null) {
                return null;
            }
            LuminanceSource source = new BufferedImageLuminanceSource(img);
            String text = decode(new BinaryBitmap(new HybridBinarizer(source)), false);
            // the finder-pattern search misses a few clean, generated codes (a payload whose modules look like a
            // finder pattern); read as a pure barcode, a clean image decodes without the search
            return text != null ? text : decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String decode(BinaryBitmap bitmap, boolean pure) {
        try {
            return new MultiFormatReader().decode(bitmap, pure
                    ? Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                            DecodeHintType.PURE_BARCODE, Boolean.TRUE)
                    : Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                            DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
