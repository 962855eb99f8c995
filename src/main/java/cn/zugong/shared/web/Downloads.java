package cn.zugong.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * File downloads with Chinese names, the same way everywhere: RFC 6266 / 5987 {@code Content-Disposition}
 * (an ASCII fallback for old clients, the real name in {@code filename*}), never cached, never sniffed.
 */
public final class Downloads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private Downloads() {
    }

    public static String contentDisposition(String fileName, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''"
                + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    /** An ASCII fallback made from the name itself: every non-ASCII or quoting character becomes '_'. */
    public static String asciiFallback(String fileName) {
        return fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    }

    public static HttpHeaders headers(String fileName, String asciiFallback, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName, asciiFallback));
        headers.setCacheControl("no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        return headers;
    }

    /** A whole file in memory as the response. */
    public static ResponseEntity<byte[]> attachment(byte[] content, String fileName, String contentType) {
        return ResponseEntity.ok().headers(headers(fileName, asciiFallback(fileName), contentType))
                .contentType(MediaType.parseMediaType(contentType)).body(content);
    }

    /** Headers for a file streamed to the response afterwards. */
    public static void prepare(HttpServletResponse response, String fileName, String asciiFallback,
                               String contentType) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName, asciiFallback));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
