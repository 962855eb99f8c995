package cn.zugong.service.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Form refusals not shown on their form: JSON under /api, the Chinese error page elsewhere, status 400. */
@ControllerAdvice(basePackageClasses = ServiceErrors.class)
class ServiceErrors {

    @ExceptionHandler(InvalidForm.class)
    Object invalid(InvalidForm e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", e.getMessage(), "fields", e.errors()));
        }
        ModelAndView view = new ModelAndView("error/message", HttpStatus.BAD_REQUEST);
        view.addObject("status", 400);
        view.addObject("message", e.getMessage());
        return view;
    }
}
