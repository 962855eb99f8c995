package cn.zugong.lighting.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Maps {@link InvalidInput} like the kernel's errors: JSON under /api, the Chinese error page elsewhere. */
@ControllerAdvice(basePackageClasses = LightingErrors.class)
class LightingErrors {

    @ExceptionHandler(InvalidInput.class)
    Object invalid(InvalidInput e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(e.status()).body(Map.of("status", e.status().value(), "error", e.getMessage()));
        }
        ModelAndView view = new ModelAndView("error/message", e.status());
        view.addObject("status", e.status().value());
        view.addObject("message", e.getMessage());
        return view;
    }
}
