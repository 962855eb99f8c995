package cn.zugong.service.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a visit photo may be: JPG or PNG, at most {@link #MAX_BYTES} each and {@link #MAX_FILES} per visit. As for
 * the closure evidence, the type is decided by the extension and checked against the first bytes, never taken
 * from the client's content type.
 */
final class PhotoPolicy {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_FILES = 6;

    private PhotoPolicy() {
    }

    /** The checked photo, or an {@link InvalidForm} naming the file and what is wrong with it. */
    static Records.NewPhoto check(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()) {
            throw refuse("照片缺少文件名");
        }
        if (name.length() > 200) {
            throw refuse("照片文件名过长（不超过 200 个字符）");
        }
        if (bytes == null || bytes.length == 0) {
            throw refuse("照片「" + name + "」是空文件");
        }
        if (bytes.length > MAX_BYTES) {
            throw refuse("照片「" + name + "」超过 5MB");
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = switch (ext) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            default -> throw refuse("照片「" + name + "」的类型不支持：只接受 JPG 和 PNG 图片");
        };
        boolean matches = type.equals("image/jpeg") ? starts(bytes, 0xFF, 0xD8, 0xFF)
                : starts(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        if (!matches) {
            throw refuse("照片「" + name + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
        }
        return new Records.NewPhoto(name, type, bytes, sha256(bytes));
    }

    private static InvalidForm refuse(String message) {
        return new InvalidForm(java.util.Map.of("photos", message));
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
