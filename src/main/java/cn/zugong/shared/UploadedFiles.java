package cn.zugong.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one check of what an uploaded file is, for every module that stores files (closure evidence, visit photos):
 * the type comes from the file name's extension and must agree with the file's first bytes (its magic number),
 * never from the client's content type; stored files carry their SHA-256.
 */
public final class UploadedFiles {

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private UploadedFiles() {
    }

    /** The lower-case extension of a file name ("" when it has none). */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The content type for the extension, if it is one of {@code allowed} and known here. */
    public static Optional<String> typeOf(String extension, Set<String> allowed) {
        return allowed.contains(extension) ? Optional.ofNullable(TYPES.get(extension)) : Optional.empty();
    }

    /** Whether the bytes start the way a file of this extension must (docx/xlsx are zip containers). */
    public static boolean contentMatches(String extension, byte[] b) {
        return switch (extension) {
            case "pdf" -> starts(b, 0x25, 0x50, 0x44, 0x46);
            case "jpg", "jpeg" -> starts(b, 0xFF, 0xD8, 0xFF);
            case "png" -> starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            case "docx", "xlsx" -> starts(b, 0x50, 0x4B, 0x03, 0x04);
            default -> false;
        };
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
