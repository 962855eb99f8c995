package cn.zugong.shared.web;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one place where a form's text is cleaned before validation: surrounding spaces are cut and a blank field
 * becomes null, so {@code @NotBlank}/{@code @Size} see what is stored and no controller or service keeps a
 * {@code blankToNull} of its own. Only form objects (request records bound with {@code @ModelAttribute}) are
 * cleaned: a single {@code @RequestParam} is left as sent, so passwords and file names are never altered.
 */
@ControllerAdvice
class FormBinding {

    @InitBinder
    void clean(WebDataBinder binder) {
        if (binder.getTarget() != null || binder.getTargetType() != null) {
            binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        }
    }
}
