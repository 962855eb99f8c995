package cn.zugong.shared;

import java.util.List;
import java.util.Set;

/**
 * What a photo attached to a record may be (a 党员报到 service log, a 一线考察 on-site record): JPG or PNG, at most
 * 5 MB, at most three per record. As everywhere on the platform the
 * type comes from the extension and must agree with the first bytes; the size as received and the name are checked
 * before any byte is read.
 */
public final class Photos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_FILES = 3;
    private static final Set<String> ALLOWED = Set.of("jpg", "jpeg", "png");

    /** A photo that passed the checks. */
    public record Checked(String fileName, String contentType, byte[] bytes, String sha256) {
    }

    private Photos() {
    }

    public static List<Checked> check(List<Upload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new BadRequestException("照片最多 " + MAX_FILES + " 张（收到 " + uploads.size() + " 张）");
        }
        uploads.forEach(Photos::precheck);
        return uploads.stream().map(Photos::read).toList();
    }

    private static void precheck(Upload upload) {
        String name = name(upload);
        if (name.isEmpty()) {
            throw new BadRequestException("照片缺少文件名");
        }
        if (name.length() > 200) {
            throw new BadRequestException("照片文件名过长（不超过 200 个字符）");
        }
        if (upload.size() <= 0) {
            throw new BadRequestException("照片「" + name + "」是空文件");
        }
        if (upload.size() > MAX_BYTES) {
            throw new BadRequestException("照片「" + name + "」超过 5MB");
        }
        if (UploadedFiles.typeOf(UploadedFiles.extension(name), ALLOWED).isEmpty()) {
            throw new BadRequestException("照片「" + name + "」的类型不支持：只接受 JPG 和 PNG 图片");
        }
    }

    private static Checked read(Upload upload) {
        String name = name(upload);
        String ext = UploadedFiles.extension(name);
        byte[] bytes = upload.bytes();
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new BadRequestException("照片「" + name + "」是空文件或超过 5MB");
        }
        if (!UploadedFiles.contentMatches(ext, bytes)) {
            throw new BadRequestException("照片「" + name + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
        }
        return new Checked(name, UploadedFiles.typeOf(ext, ALLOWED).orElseThrow(), bytes, UploadedFiles.sha256(bytes));
    }

    private static String name(Upload upload) {
        return upload.fileName() == null ? "" : upload.fileName().strip();
    }
}
