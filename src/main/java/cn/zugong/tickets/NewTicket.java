package cn.zugong.tickets;

/**
 * A problem to put on the list. {@code unitId}: the unit it concerns, inside the raiser's scope, which becomes
 * the first responsible unit until triage; {@code sourceRef}: e.g. the visit's id for a ticket raised from a visit,
 * the hotline's work-order number; {@code cadreUsername} / {@code cadreName}: the service cadre who found it (a
 * cadre raising a ticket is its cadre anyway).
 */
public record NewTicket(String category, String source, String sourceRef, Long unitId, String title,
                        String description, String requesterName, String requesterPhone, String cadreUsername,
                        String cadreName) {
}
