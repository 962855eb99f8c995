package cn.zugong.closure;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.closure.internal.ClosureAccess;
import cn.zugong.closure.internal.ClosureKinds;
import cn.zugong.closure.internal.ClosureRepository;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PlatformAdmin;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering items and reading them. Every read takes the caller and answers 404 for an item outside the
 * caller's scope, so scope never leaks existence.
 */
@Service
public class ClosureItems {

    private final ClosureRepository repository;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClosureKinds kinds;
    private final PlatformAdmin platform;

    ClosureItems(ClosureRepository repository, OrgTree tree, AuditTrail audit, ApplicationEventPublisher events,
                 Clock clock, ClosureKinds kinds, PlatformAdmin platform) {
        this.kinds = kinds;
        this.platform = platform;
        this.repository = repository;
        this.tree = tree;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Registers one item; the owner must be inside the registering user's scope. */
    @Transactional
    public ClosureItem register(NewClosureItem item, CurrentUser by) {
        registerAll(List.of(item), by, item.title());
        return repository.idsByRef(item.kind(), List.of(item.sourceRef())).values().stream().findFirst()
                .flatMap(repository::find).orElseThrow();
    }

    /**
     * Registers every item whose (kind, sourceRef) is not registered yet — registering twice adds nothing —
     * with one REGISTER event each, one audit entry for the batch and an {@link ClosureEvents.ItemRegistered}
     * per new item. Returns the ids of the new items by source ref.
     */
    @Transactional
    public Map<String, Long> registerAll(List<NewClosureItem> items, CurrentUser by, String summary) {
        if (by.role().isSecurityOfficer()) {
            throw new ForbiddenException("安全管理员不能登记业务事项");
        }
        if (items.isEmpty()) {
            return Map.of();
        }
        String kind = items.get(0).kind();
        if (items.stream().anyMatch(i -> !i.kind().equals(kind))) {
            throw new IllegalArgumentException("one kind per batch");
        }
        Set<Long> owners = items.stream().map(NewClosureItem::ownerNodeId).collect(Collectors.toSet());
        owners.forEach(id -> tree.get(id, by.scope()));
        Set<String> existing = repository.existingRefs(kind, items.stream().map(NewClosureItem::sourceRef).toList());
        List<NewClosureItem> fresh = items.stream().filter(i -> !existing.contains(i.sourceRef()))
                .collect(Collectors.toMap(NewClosureItem::sourceRef, i -> i, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values().stream().toList();
        if (fresh.isEmpty()) {
            return Map.of();
        }
        repository.insertAll(fresh, by.username(), by.displayName(), LocalDateTime.now(clock));
        Map<String, Long> ids = repository.idsByRef(kind, fresh.stream().map(NewClosureItem::sourceRef).toList());
        audit.record(new AuditEvent(AuditAction.CREATE, "closure_item", fresh.size() == 1
                ? String.valueOf(ids.values().iterator().next()) : null,
                "登记销号事项 " + fresh.size() + " 项（" + kind + "）：" + summary, null,
                Map.of("kind", kind, "count", fresh.size(), "ids", ids.values().stream().limit(50).toList()), null));
        fresh.forEach(i -> events.publishEvent(new ClosureEvents.ItemRegistered(ids.get(i.sourceRef()), kind,
                i.sourceRef(), i.ownerNodeId())));
        return ids;
    }

    /**
     * The one way to write items whose whole history is already known (the demo's tickets, the load run, a batch
     * import): items of one kind with their final state and events, in JDBC batches inside the caller's
     * transaction. Source refs must be new (the unique key refuses a second import). No application events are
     * published — the steps happened long ago and nothing must react to them now — and no audit entry is written:
     * the importing module records one for its batch, in its own words. It takes no user and checks no scope: it is
     * for the application's own batches, never for a request. Returns the new ids by source ref.
     */
    @Transactional
    public Map<String, Long> importHistorical(String kind, List<HistoricalItem> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        return repository.importHistorical(kind, items);
    }

    /** The item, if the caller's scope covers its owner unit; 404 otherwise. */
    public ClosureItem get(long id, CurrentUser user) {
        return repository.find(id).filter(i -> ClosureAccess.sees(user, i))
                .orElseThrow(() -> new NotFoundException("事项不存在或不在您的管理范围内：" + id));
    }

    /** A page of items of one kind inside the caller's scope, still-open and most escalated first. */
    public PageResult<ClosureItem> find(ClosureFilter filter, CurrentUser user) {
        if (filter.ownerNodeId() != null) {
            tree.get(filter.ownerNodeId(), user.scope());
        }
        return repository.page(filter, user.scope(), LocalDate.now(clock));
    }

    /** Items of the kind inside the scope that are not closed (for a source module's "already on the list"). */
    public List<ClosureItem> openItems(String kind, OrgScope scope) {
        return repository.open(kind, scope);
    }

    public List<ClosureEvent> history(long id, CurrentUser user) {
        return repository.history(get(id, user).id());
    }

    public List<Attachment> attachments(long id, CurrentUser user) {
        return repository.attachments(get(id, user).id());
    }

    public Attachment.Content attachment(long id, long attachmentId, CurrentUser user) {
        return repository.content(get(id, user).id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("佐证材料不存在：" + attachmentId));
    }

    public ClosurePermissions permissions(ClosureItem item, CurrentUser user) {
        return ClosureAccess.of(user, item, kinds.isDispatchedByOwner(item.kind()));
    }

    /** Whether the user may take the action on the item now (for showing only the possible buttons). */
    public boolean can(ClosureItem item, ClosureAction action, CurrentUser user) {
        return cn.zugong.closure.internal.Transitions.allowed(action, item.status(), permissions(item, user))
                && (action != ClosureAction.ANSWER || item.instructionOpen());
    }

    /**
     * The node a red card of this item goes to: the level above the owner unit's own division, but never above the
     * deployment's root division — a 市直 unit's red card goes to the city, not to the province, which does not use
     * the platform.
     */
    public OrgNode nextLevelUp(ClosureItem item) {
        OrgNode owner = tree.byId(item.ownerNodeId()).orElseThrow();
        List<OrgNode> up = tree.ancestors(owner, new OrgScope(0, "/"));
        OrgNode next = up.isEmpty() ? owner : up.get(Math.max(0, up.size() - 2));
        OrgNode root = platform.root();
        boolean aboveRoot = !next.path().equals(root.path()) && root.path().startsWith(next.path());
        return aboveRoot ? root : next;
    }
}
