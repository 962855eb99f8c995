package cn.zugong.shared.web;

import org.springframework.validation.BindException;
import org.springframework.validation.DataBinder;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Checking a request record that was not bound by Spring MVC itself (e.g. built from a JSON body). */
public final class Forms {

    private Forms() {
    }

    /**
     * Runs the record's Bean Validation annotations; a refusal is thrown as {@link BindException}, which the one
     * error advice answers as 400 with the list of {@code {field, message}}.
     */
    public static void check(Object record, String name, jakarta.validation.Validator validator) throws BindException {
        DataBinder binder = new DataBinder(record, name);
        binder.setValidator(new SpringValidatorAdapter(validator));
        binder.validate();
        binder.close();
    }
}
