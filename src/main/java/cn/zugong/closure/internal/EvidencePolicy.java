package cn.zugong.closure.internal;

import cn.zugong.closure.ClosureRuleException;
import java.util.Locale;
import java.util.Map;

/**
 * What evidence may be attached: PDF, images (JPEG, PNG) and Office documents (docx, xlsx), at most
 * {@link #MAX_BYTES} each and {@link #MAX_FILES} per item. The type is decided by the file name's extension
 * and checked against the file's first bytes, never taken from the client's content type.
 */
public final class EvidencePolicy {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES = 20;

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private EvidencePolicy() {
    }

    /** The content type to store, or a Chinese refusal saying what is wrong. */
    public static String check(String fileName, byte[] bytes, int alreadyAttached) {
        if (fileName == null || fileName.isBlank()) {
            throw new ClosureRuleException("佐证材料缺少文件名");
        }
        if (fileName.length() > 200) {
            throw new ClosureRuleException("佐证材料文件名过长（不超过 200 个字符）");
        }
        if (bytes == null || bytes.length == 0) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」是空文件");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」超过 10MB");
        }
        if (alreadyAttached >= MAX_FILES) {
            throw new ClosureRuleException("每个事项最多上传 " + MAX_FILES + " 份佐证材料");
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        if (type == null) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」的类型不支持：只接受 PDF、JPG、PNG、Word（docx）和 Excel（xlsx）文件");
        }
        if (!magicMatches(ext, bytes)) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
        }
        return type;
    }

    private static boolean magicMatches(String ext, byte[] b) {
        return switch (ext) {
            case "pdf" -> starts(b, 0x25, 0x50, 0x44, 0x46);
            case "jpg", "jpeg" -> starts(b, 0xFF, 0xD8, 0xFF);
            case "png" -> starts(b, 0x89, 0x50, 0x4E, 0x47);
            default -> starts(b, 0x50, 0x4B, 0x03, 0x04);
        };
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
