package cn.zugong.closure.internal;

import cn.zugong.closure.ClosureKind;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link ClosureKind}s the owning modules declare as beans, by code. */
@Component
public class ClosureKinds {

    private final ObjectProvider<ClosureKind> declared;
    private volatile Map<String, ClosureKind> byCode;

    // a kind's extra steps live in beans that use the workflow themselves: read the kinds on first use, not here
    ClosureKinds(ObjectProvider<ClosureKind> declared) {
        this.declared = declared;
    }

    /** The declared kind; one nobody declared is dispatched from above with the standard steps only. */
    public ClosureKind get(String code) {
        Map<String, ClosureKind> kinds = byCode;
        if (kinds == null) {
            // toMap fails on a code declared twice: two modules must not own one kind
            kinds = declared.orderedStream().collect(Collectors.toUnmodifiableMap(ClosureKind::code,
                    Function.identity()));
            byCode = kinds;
        }
        ClosureKind kind = kinds.get(code);
        return kind != null ? kind : ClosureKind.dispatchedFromAbove(code);
    }

    /** False for a kind nobody declared: an administrator above the owner dispatches it. */
    public boolean isDispatchedByOwner(String kind) {
        return get(kind).dispatchedByOwner();
    }
}
