package cn.zugong.talent;

import cn.zugong.talent.internal.services.ServiceHistoryImport;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 码上办 applications whose whole history is already known (the demo's year, a migration from the old 人才服务
 * system): imported with the same material-reuse rule as a live application, in submission order so that an
 * earlier upload is reused by a later application, and put on the closure workflow with their steps.
 */
@Service
public class ServiceApplicationHistory {

    private final ServiceHistoryImport importer;

    ServiceApplicationHistory(ServiceHistoryImport importer) {
        this.importer = importer;
    }

    /** How far an application went; the steps follow from it. */
    public enum Outcome {
        SUBMITTED, ACCEPTED, IN_PROGRESS, RESOLVED, VERIFIED, CLOSED
    }

    /**
     * One past application. {@code counterOfficer} (username) and name: filed at the counter by that 专窗专员
     * (代办帮办), null for the talent's own; {@code workdaysTaken}: working days from submission to 办结 (for RESOLVED
     * and beyond).
     */
    public record PastApplication(long talentId, String itemCode, LocalDateTime submittedAt, String counterOfficer,
                                  String counterOfficerName, Outcome outcome, int workdaysTaken) {
    }

    /** Item codes a talent may apply for now (eligible, unit configured; counter items included). */
    public List<String> itemsFor(long talentId) {
        return importer.itemsFor(talentId);
    }

    /** The item's time limit in working days. */
    public int timeLimit(String itemCode) {
        return importer.timeLimit(itemCode);
    }

    /** The ids of up to {@code limit} registered talents, by id. */
    public List<Long> talentIds(int limit) {
        return importer.talentIds(limit);
    }

    /** The talent linked to an account, if any. */
    public java.util.Optional<Long> talentOf(String username) {
        return importer.talentOf(username);
    }

    /** Imports the applications as of {@code asOf} (escalation of late ones as the rule has it then); returns how many. */
    public int importAll(List<PastApplication> applications, java.time.LocalDate asOf, String by) {
        return importer.importAll(applications, asOf, by);
    }

    /** Whether applications were imported by {@code by} (the demo loads once). */
    public boolean importedBy(String by) {
        return importer.importedBy(by);
    }
}
