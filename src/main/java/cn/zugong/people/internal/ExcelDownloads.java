package cn.zugong.people.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;

/** Response headers of .xlsx downloads with Chinese file names. */
final class ExcelDownloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ExcelDownloads() {
    }

    /** RFC 6266 / 5987: an ASCII fallback for old clients, the real name in filename*. */
    static String contentDisposition(String fileName, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''"
                + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    static HttpHeaders headers(String fileName, String asciiFallback) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, XLSX);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName, asciiFallback));
        headers.setCacheControl("no-store");
        return headers;
    }
}
