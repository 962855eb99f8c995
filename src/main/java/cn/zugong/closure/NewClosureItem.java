package cn.zugong.closure;

import java.time.LocalDate;

/**
 * An item to register. {@code kind} names the registering use (e.g. HEALTHCHECK_RECTIFICATION, later
 * PROBLEM_TICKET, SANSHI_MATTER); {@code sourceRef} is unique within the kind and points back to the
 * source record; {@code category} is a free filter label of the kind (the warning colour, a ticket category).
 */
public record NewClosureItem(String kind, String sourceRef, long ownerNodeId, String category, String title,
                             String description, LocalDate deadline) {
}
