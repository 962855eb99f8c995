package cn.zugong.shared;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An uploaded file before it is read: its name, its size as received, and its bytes on demand. Services check the
 * caller's rights, then the name and size, and only then read the bytes (issue 12: rights and limits come before
 * anything of the file is read).
 */
public record Upload(String fileName, long size, Content content) {

    /** Reads the bytes (the container keeps the upload on disk until then). */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }

    public static Upload of(String fileName, byte[] bytes) {
        return new Upload(fileName, bytes.length, () -> bytes);
    }

    public byte[] bytes() {
        try {
            return content.read();
        } catch (IOException e) {
            throw new UncheckedIOException("读取上传文件失败", e);
        }
    }
}
