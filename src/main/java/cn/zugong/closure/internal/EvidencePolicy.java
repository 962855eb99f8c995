package cn.zugong.closure.internal;

import cn.zugong.closure.ClosureRuleException;
import cn.zugong.shared.UploadedFiles;
import java.util.Set;

/**
 * What evidence may be attached: PDF, images (JPEG, PNG) and Office documents (docx, xlsx), at most
 * {@link #MAX_BYTES} each and {@link #MAX_FILES} per item. The type is decided by the file name's extension
 * and checked against the file's first bytes, never taken from the client's content type.
 */
public final class EvidencePolicy {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES = 20;

    private static final Set<String> ALLOWED = Set.of("pdf", "jpg", "jpeg", "png", "docx", "xlsx");

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
        String ext = UploadedFiles.extension(fileName);
        String type = UploadedFiles.typeOf(ext, ALLOWED).orElse(null);
        if (type == null) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」的类型不支持：只接受 PDF、JPG、PNG、Word（docx）和 Excel（xlsx）文件");
        }
        if (!UploadedFiles.contentMatches(ext, bytes)) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
        }
        return type;
    }
}
