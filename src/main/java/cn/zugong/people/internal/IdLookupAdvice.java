package cn.zugong.people.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The roster's refusals of whole-ID lookups: JSON under /api, the Chinese message page elsewhere. */
@ControllerAdvice(assignableTypes = {PeopleController.class, PeopleApiController.class,
        RosterExcelController.class, RosterImportApiController.class})
class IdLookupAdvice {

    @ExceptionHandler(IdLookupLimitException.class)
    Object tooMany(IdLookupLimitException e, HttpServletRequest request) {
        Object body = respond(request, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        if (body instanceof ResponseEntity<?> json) {
            return ResponseEntity.status(json.getStatusCode())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(json.getBody());
        }
        return body;
    }

    @ExceptionHandler(WholeIdQuery.Invalid.class)
    Object invalid(WholeIdQuery.Invalid e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String message) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
        }
        ModelAndView view = new ModelAndView("error/message", status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
