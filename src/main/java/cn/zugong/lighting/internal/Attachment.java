package cn.zugong.lighting.internal;

import java.time.LocalDateTime;

/** Evidence attached to a report (the content is read only on download). */
public record Attachment(long id, long reportId, String fileName, String contentType, long sizeBytes,
                         String uploadedBy, LocalDateTime uploadedAt) {

    public String sizeText() {
        return sizeBytes < 1024 ? sizeBytes + " B" : sizeBytes < 1024 * 1024 ? (sizeBytes / 1024) + " KB"
                : String.format("%.1f MB", sizeBytes / 1024.0 / 1024.0);
    }
}
