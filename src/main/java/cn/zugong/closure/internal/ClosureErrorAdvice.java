package cn.zugong.closure.internal;

import cn.zugong.closure.ClosureRuleException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A step the workflow refuses answers 409 with its Chinese reason: JSON under /api, the message page otherwise. */
@ControllerAdvice
class ClosureErrorAdvice {

    @ExceptionHandler(ClosureRuleException.class)
    Object refused(ClosureRuleException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", e.getMessage()));
        }
        ModelAndView view = new ModelAndView("error/message", HttpStatus.CONFLICT);
        view.addObject("status", 409);
        view.addObject("message", e.getMessage());
        return view;
    }
}
