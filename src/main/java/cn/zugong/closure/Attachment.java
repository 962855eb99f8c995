package cn.zugong.closure;

import java.time.LocalDateTime;

/** Evidence attached to an item (the content is read separately). */
public record Attachment(long id, long itemId, String fileName, String contentType, int size, String sha256,
                         String uploadedBy, LocalDateTime uploadedAt) {

    public record Content(Attachment attachment, byte[] bytes) {
    }
}
