package cn.zugong.closure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The {@link ClosureKind}s the owning modules declare as beans, by code. */
@Component
public class ClosureKinds {

    private final Map<String, ClosureKind> byCode;

    ClosureKinds(List<ClosureKind> kinds) {
        // toMap fails on a code declared twice: two modules must not own one kind
        this.byCode = kinds.stream().collect(Collectors.toUnmodifiableMap(ClosureKind::code, Function.identity()));
    }

    /** False for a kind nobody declared: an administrator above the owner dispatches it. */
    public boolean isDispatchedByOwner(String kind) {
        ClosureKind declared = byCode.get(kind);
        return declared != null && declared.dispatchedByOwner();
    }
}
