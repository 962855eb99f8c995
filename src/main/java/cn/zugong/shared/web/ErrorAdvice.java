package cn.zugong.shared.web;

import cn.zugong.shared.ZugongException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error advice: every {@link ZugongException} (the kernel's and the modules' own) answers its status with
 * its Chinese message, JSON {@code {status, error}} under /api and the error page elsewhere. A refusal (404 for
 * what is missing or outside the scope, 403) is published as {@link AccessRefused} for the audit. A request record
 * that fails its Bean Validation (and was not taken back to its form by the controller) answers 400 with the list
 * of {@code {field, message}} in Chinese.
 */
@ControllerAdvice
class ErrorAdvice {

    /** One field's refusal, as the API lists it. */
    record FieldProblem(String field, String message) {
    }

    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ErrorAdvice(ApplicationEventPublisher events, MessageSource messages) {
        this.events = events;
        this.messages = messages;
    }

    /** Every module's refusal: its status, its Chinese message, its extra JSON fields and headers. */
    @ExceptionHandler(ZugongException.class)
    Object refused(ZugongException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        if (status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN) {
            events.publishEvent(AccessRefused.of(request, status.value(), e.getMessage()));
        }
        e.headers().forEach(response::setHeader);
        return respond(request, status, e.getMessage(), e.details());
    }

    /** A request record refused by its annotations; {@code MethodArgumentNotValidException} is one of these. */
    @ExceptionHandler(BindException.class)
    Object invalid(BindException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError f ? f.getField() : null, text(error)))
                .toList();
        String first = problems.isEmpty() ? "请求内容不正确" : problems.get(0).message();
        return respond(request, HttpStatus.BAD_REQUEST, first, Map.of("errors", problems));
    }

    private String text(ObjectError error) {
        return messages.getMessage(error, Locale.SIMPLIFIED_CHINESE);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return respond(request, HttpStatus.PAYLOAD_TOO_LARGE, "上传文件过大：单个文件不能超过 20MB");
    }

    static Object respond(HttpServletRequest request, HttpStatus status, String message) {
        return respond(request, status, message, Map.of());
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String message,
                                  Map<String, Object> details) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.value());
            body.put("error", message);
            body.putAll(details);
            return ResponseEntity.status(status).body(body);
        }
        ModelAndView view = new ModelAndView("error/message", status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
