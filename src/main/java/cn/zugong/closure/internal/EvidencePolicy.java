package cn.zugong.closure.internal;

import cn.zugong.closure.ClosureRuleException;
import cn.zugong.shared.UploadedFiles;
import java.util.Set;

/**
 * What evidence may be attached: PDF, images (JPEG, PNG) and Office documents (docx, xlsx), at most
 * {@link #MAX_BYTES} each and {@link #MAX_FILES} per item. The type is decided by the file name's extension
 * and checked against the file's first bytes, never taken from the client's content type. Name, size, count and
 * type are checked before the upload is read ({@link #check}), the bytes after ({@link #checkContent}).
 */
public final class EvidencePolicy {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES = 20;

    private static final Set<String> ALLOWED = Set.of("pdf", "jpg", "jpeg", "png", "docx", "xlsx");

    private EvidencePolicy() {
    }

    /** Before the file is read: name, size as received, count per item, type by extension. */
    public static String check(String fileName, long size, int alreadyAttached) {
        if (fileName == null || fileName.isBlank()) {
            throw new ClosureRuleException("佐证材料缺少文件名");
        }
        if (fileName.length() > 200) {
            throw new ClosureRuleException("佐证材料文件名过长（不超过 200 个字符）");
        }
        if (size <= 0) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」是空文件");
        }
        if (size > MAX_BYTES) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」超过 10MB");
        }
        if (alreadyAttached >= MAX_FILES) {
            throw new ClosureRuleException("每个事项最多上传 " + MAX_FILES + " 份佐证材料");
        }
        String type = UploadedFiles.typeOf(UploadedFiles.extension(fileName), ALLOWED).orElse(null);
        if (type == null) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」的类型不支持：只接受 PDF、JPG、PNG、Word（docx）和 Excel（xlsx）文件");
        }
        return type;
    }

    /** After reading: the bytes agree with the extension (magic number) and the size. */
    public static void checkContent(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」是空文件");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」超过 10MB");
        }
        String ext = UploadedFiles.extension(fileName);
        if (!UploadedFiles.contentMatches(ext, bytes)) {
            throw new ClosureRuleException("佐证材料「" + fileName + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
        }
    }
}
