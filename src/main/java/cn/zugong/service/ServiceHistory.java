package cn.zugong.service;

import cn.zugong.service.internal.HistoryWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Service cadres whose year so far is already known — cadres, enterprises, projects, charges and visits with
 * their real dates — written in batches by the module itself. Used by the demo.
 */
@Service
public class ServiceHistory {

    /** A cadre; {@code username} links the account that signs in as this cadre (or null). */
    public record Cadre(String name, String phone, long nodeId, CadreType type, String username) {
    }

    public record Enterprise(String name, String creditCode, String industry, String address, long nodeId) {
    }

    public record Project(String name, String industry, String address, long nodeId) {
    }

    /** A charge (联系对象) from {@code from} to {@code to} (open when null); {@code targetId} per {@code kind}. */
    public record Charge(long cadreId, ChargeKind kind, long targetId, LocalDate from, LocalDate to) {
    }

    public record Visit(long cadreId, long chargeId, VisitKind kind, LocalDate date, String place, String whom,
                        String notes, boolean problem, LocalDateTime createdAt) {
    }

    private final HistoryWriter writer;

    ServiceHistory(HistoryWriter writer) {
        this.writer = writer;
    }

    /** The unified social credit code (统一社会信用代码) of its first 17 characters, with the check character. */
    public static String creditCode(String first17) {
        return HistoryWriter.creditCode(first17);
    }

    /** Whether cadres created by {@code createdBy} exist. */
    public boolean written(String createdBy) {
        return writer.written(createdBy);
    }

    /** Whether a cadre is linked to the account. */
    public boolean hasCadre(String username) {
        return writer.hasCadre(username);
    }

    /** Returns the ids of every cadre created by {@code by}, by name. */
    public Map<String, Long> addCadres(List<Cadre> cadres, String by, LocalDateTime at) {
        return writer.cadres(cadres, by, at);
    }

    /** Returns the ids of every enterprise created by {@code by}, by name. */
    public Map<String, Long> addEnterprises(List<Enterprise> enterprises, String by, LocalDateTime at) {
        return writer.enterprises(enterprises, by, at);
    }

    /** Returns the ids of every project created by {@code by}, by name. */
    public Map<String, Long> addProjects(List<Project> projects, String by, LocalDateTime at) {
        return writer.projects(projects, by, at);
    }

    /** Returns the charges' ids in the order given. */
    public List<Long> addCharges(List<Charge> charges, String by, LocalDateTime at) {
        return writer.charges(charges, by, at);
    }

    public void addVisits(List<Visit> visits, String by) {
        writer.visits(visits, by);
    }
}
