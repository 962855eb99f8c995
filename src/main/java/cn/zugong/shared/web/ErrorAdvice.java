package cn.zugong.shared.web;

import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Maps the kernel's exceptions to statuses: JSON under /api, a Chinese error page elsewhere. A refusal
 * (404 for what is missing or outside the scope, 403) is published as {@link AccessRefused} for the audit.
 */
@ControllerAdvice
class ErrorAdvice {

    private final ApplicationEventPublisher events;

    ErrorAdvice(ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        events.publishEvent(AccessRefused.of(request, HttpStatus.NOT_FOUND.value(), e.getMessage()));
        return respond(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    Object forbidden(ForbiddenException e, HttpServletRequest request) {
        events.publishEvent(AccessRefused.of(request, HttpStatus.FORBIDDEN.value(), e.getMessage()));
        return respond(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(cn.zugong.shared.ConflictException.class)
    Object conflict(cn.zugong.shared.ConflictException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    Object tooMany(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return respond(request, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    Object badRequest(BadRequestException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return respond(request, HttpStatus.PAYLOAD_TOO_LARGE, "上传文件过大：单个文件不能超过 20MB");
    }

    static Object respond(HttpServletRequest request, HttpStatus status, String message) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
        }
        ModelAndView view = new ModelAndView("error/message", status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
