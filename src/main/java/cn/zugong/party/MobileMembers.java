package cn.zugong.party;

import cn.zugong.party.internal.mobile.MobileService;
import cn.zugong.shared.OrgScope;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;

/**
 * 流动党员 for other modules and the demo (ADR 070): files (建档建库), contacts (走亲连心), dated events (动态管理),
 * tasks (用其所长), host organisations and the 三个一批 assignment. Every call is scoped: a file or member outside
 * {@code scope} answers 404 (NotFoundException); bad input 400 with a Chinese message naming the field.
 */
@Service
public class MobileMembers {

    /** A file for a party member (the member's branch is the file's). {@code inCity} null: decided from the city. */
    public record NewFile(@NotNull Long memberId, String province, String city, String district, Boolean inCity,
                          String employer, String phone, String liveCity, String liveDistrict, String liveCommunity,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn, String reason,
                          String relation, String skills) {
    }

    /** A contact; {@code nextDue} null: the contact rule's interval for the member's state. */
    public record NewContact(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String channel, String by,
                             String content, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextDue) {
    }

    /** A dated event; {@code otherOrg} names the organisation of 流入 / 流出 / 转接. */
    public record NewEvent(MobileEventKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                           String otherOrg, String note) {
    }

    /** A task given to the member (用其所长) and, once known, its result. */
    public record NewTask(String task, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String result) {
    }

    /**
     * A host organisation: WORKPLACE names a city and an employer (or a district), RESIDENCE a city and optionally
     * district and community, REGIONAL the destinations it covers. {@code orgId}: the party organisation in the tree
     * when it is one of ours.
     */
    public record NewHost(MobileHostKind kind, String name, Long orgId, String city, String district, String employer,
                          String community, List<String> destinations) {
    }

    /** A file with its history, written at once (migrating a paper ledger; the demo). */
    public record FileHistory(NewFile file, LocalDate filedOn, List<NewContact> contacts, List<NewEvent> events,
                              List<NewTask> tasks) {
    }

    /** What one pass of 三个一批 did: files given a host, by the kind of rule, and those still left unmanaged. */
    public record Assignment(int assigned, Map<MobileHostKind, Integer> byKind, int left) {
    }

    private final MobileService service;

    MobileMembers(MobileService service) {
        this.service = service;
    }

    public long open(NewFile file, OrgScope scope, String by) {
        return service.open(file, scope, by);
    }

    public void contact(long fileId, NewContact contact, OrgScope scope, String by) {
        service.contact(fileId, contact, scope, by);
    }

    public void event(long fileId, NewEvent event, OrgScope scope, String by) {
        service.event(fileId, event, scope, by);
    }

    public void task(long fileId, NewTask task, OrgScope scope, String by) {
        service.task(fileId, task, scope, by);
    }

    /** Registers a host organisation under the node {@code ownerId} (the office that registered it). */
    public long addHost(NewHost host, long ownerId, String by) {
        return service.addHost(host, ownerId, by);
    }

    /** Applies the 三个一批 rule to every unmanaged active file inside the scope. */
    public Assignment assign(OrgScope scope, String by) {
        return service.assign(scope, by);
    }

    /** Files with their history in one transaction (ids in the order given); members must be inside the scope. */
    public List<Long> load(List<FileHistory> files, OrgScope scope, String by) {
        return service.load(files, scope, by);
    }

    /**
     * 源头查找 over the member data: the scope's members the roster marks 流动 and those whose ID number was issued
     * outside the city become candidates (unless filed or already found); returns how many were found.
     */
    public int findCandidates(OrgScope scope, String by) {
        return service.findCandidates(scope, by);
    }

    /** Whether any file exists (the demo loads once). */
    public boolean anyFile() {
        return service.anyFile();
    }
}
