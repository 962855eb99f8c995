package cn.zugong.service.internal;

import cn.zugong.shared.Upload;
import cn.zugong.shared.UploadedFiles;
import java.util.Set;

/**
 * What a visit photo may be: JPG or PNG, at most {@link #MAX_BYTES} each and {@link #MAX_FILES} per visit. As for
 * the closure evidence, the type is decided by the extension and checked against the first bytes, never taken
 * from the client's content type.
 */
final class PhotoPolicy {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_FILES = 6;
    private static final Set<String> ALLOWED = Set.of("jpg", "jpeg", "png");

    private PhotoPolicy() {
    }

    /**
     * The checked photo, or an {@link InvalidForm} naming the file and what is wrong with it. Name, size as received
     * and type come first; the bytes are read only then and checked against the extension.
     */
    static Records.NewPhoto check(Upload upload) {
        String name = upload.fileName() == null ? "" : upload.fileName().strip();
        if (name.isEmpty()) {
            throw refuse("照片缺少文件名");
        }
        if (name.length() > 200) {
            throw refuse("照片文件名过长（不超过 200 个字符）");
        }
        if (upload.size() <= 0) {
            throw refuse("照片「" + name + "」是空文件");
        }
        if (upload.size() > MAX_BYTES) {
            throw refuse("照片「" + name + "」超过 5MB");
        }
        String ext = UploadedFiles.extension(name);
        String type = UploadedFiles.typeOf(ext, ALLOWED).orElseThrow(() ->
                refuse("照片「" + name + "」的类型不支持：只接受 JPG 和 PNG 图片"));
        byte[] bytes = upload.bytes();
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw refuse("照片「" + name + "」是空文件或超过 5MB");
        }
        if (!UploadedFiles.contentMatches(ext, bytes)) {
            throw refuse("照片「" + name + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
        }
        return new Records.NewPhoto(name, type, bytes, UploadedFiles.sha256(bytes));
    }

    private static InvalidForm refuse(String message) {
        return new InvalidForm(java.util.Map.of("photos", message));
    }
}
