package cn.zugong.talent.internal.code;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification of the 人才码 (no sign-in, the only such talent route): the page (paste the text, or
 * upload a photo / screenshot of the QR) and the JSON API, both limited per client address and counted; and the
 * public keys for offline verification. A valid code shows only the masked name, the level and the validity.
 */
@Controller
class VerifyController {

    /** The largest image accepted for decoding (a phone photo). */
    static final long MAX_IMAGE = 5L * 1024 * 1024;

    private final CodeService codes;
    private final VerifyThrottle throttle;
    private final Clock clock;

    VerifyController(CodeService codes, VerifyThrottle throttle, Clock clock) {
        this.codes = codes;
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping("/talent/verify")
    String page(Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        return "talent/code/verify";
    }

    /**
     * Paste or upload: a chosen image is decoded (its QR code's text is verified) and wins over the text field; an
     * image that holds no QR code, an empty or too large one, or nothing at all answers 400 with the reason.
     */
    @PostMapping("/talent/verify")
    String verify(@RequestParam(required = false) String code, @RequestParam(required = false) MultipartFile image,
                  HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        throttle.acquire(request.getRemoteAddr());
        String text = code;
        boolean chosen = image != null && image.getOriginalFilename() != null && !image.getOriginalFilename().isBlank();
        if (chosen) {
            String problem = image.isEmpty() ? "上传的图片是空文件，请重新选择二维码图片"
                    : image.getSize() > MAX_IMAGE ? "图片过大：不能超过 5MB" : null;
            if (problem == null) {
                text = QrImages.read(image.getInputStream());
                if (text == null) {
                    problem = "图片中没有识别到二维码（文件 " + image.getOriginalFilename() + "），请换一张清晰的截图或直接粘贴人才码内容";
                }
            }
            if (problem != null) {
                return refused(problem, response, model);
            }
        }
        if (text == null || text.isBlank()) {
            return refused("请粘贴人才码内容或上传二维码图片", response, model);
        }
        model.addAttribute("result", codes.verify(text, "PAGE"));
        model.addAttribute("code", text.length() > 300 ? text.substring(0, 300) : text);
        return page(model);
    }

    private String refused(String problem, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", problem);
        return page(model);
    }

    /** The JSON body of POST /api/talent/verify. */
    record CodeBody(String code) {
    }

    /** JSON: {@code GET /api/talent/verify?code=…}, or POST with the form field or {@code {"code": "…"}}. */
    @GetMapping("/api/talent/verify")
    @ResponseBody
    Map<String, Object> verifyGet(@RequestParam(required = false) String code, HttpServletRequest request) {
        return answer(code, request);
    }

    @PostMapping(value = "/api/talent/verify", consumes = "application/json")
    @ResponseBody
    Map<String, Object> verifyJson(@RequestBody(required = false) CodeBody body, HttpServletRequest request) {
        return answer(body == null ? null : body.code(), request);
    }

    @PostMapping(value = "/api/talent/verify", consumes = {"application/x-www-form-urlencoded", "text/plain"})
    @ResponseBody
    Map<String, Object> verifyForm(@RequestParam(required = false) String code, HttpServletRequest request) {
        return answer(code, request);
    }

    private Map<String, Object> answer(String code, HttpServletRequest request) {
        throttle.acquire(request.getRemoteAddr());
        Verification v = codes.verify(code, "API");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", v.valid());
        out.put("outcome", v.outcome().name());
        out.put("result", v.reason());
        out.put("message", v.outcome().explanation());
        if (v.valid()) {
            out.put("name", v.maskedName());
            out.put("level", v.level());
            out.put("levelName", v.levelName());
            out.put("validFrom", v.validFrom().toString());
            out.put("validUntil", v.validUntil().toString());
        }
        return out;
    }

    /** The public keys: every key that ever signed (the current one signs; retired ones only verify). */
    @GetMapping("/api/talent/verify/keys")
    ResponseEntity<Map<String, Object>> keys() {
        List<Map<String, Object>> keys = codes.keys().stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keyId", k.keyId());
            m.put("algorithm", "SM2 (sm2p256v1) with SM3, user id 1234567812345678, signature r||s");
            m.put("publicKey", k.publicKey());
            m.put("status", k.current() ? "CURRENT" : "RETIRED");
            m.put("createdAt", k.createdAt().toString());
            m.put("retiredAt", k.retiredAt() == null ? null : k.retiredAt().toString());
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "ZT1: + Base45(version 1, keyId 8, serial 8, talentId 8, level 1, validFrom 4, validUntil 4,"
                + " signature 64); see docs/guide/talent-code.md");
        out.put("keys", keys);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic()).body(out);
    }
}
