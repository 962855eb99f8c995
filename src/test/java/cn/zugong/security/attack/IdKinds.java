package cn.zugong.security.attack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each id of each route names: (pattern prefix, variable) → kind, the longest prefix winning, then the
 * variable's name on its own for names that mean the same everywhere. Written by hand: a route whose id has
 * no kind here fails the suite, so a new module states what its ids are and {@link Targets} aims them at a
 * real object of that kind.
 */
final class IdKinds {

    private static final Map<String, IdKind> BY_ROUTE = new LinkedHashMap<>();
    private static final Map<String, IdKind> BY_NAME = new LinkedHashMap<>();

    static {
        route("/admin/accounts", "id", IdKind.ACCOUNT);
        route("/admin/grants", "id", IdKind.ACCOUNT);
        route("/officers/resets", "accountId", IdKind.ACCOUNT);
        route("/officers/resets", "id", IdKind.RESET_REQUEST);
        route("/api/deliberation/matters", "id", IdKind.DELIBERATION_MATTER);
        route("/deliberation/matters", "id", IdKind.DELIBERATION_MATTER);
        route("/deliberation/meetings", "id", IdKind.DELIBERATION_MEETING);
        route("/talent/codes", "id", IdKind.TALENT_CODE);
        route("/api/healthcheck/nodes", "id", IdKind.NODE);
        route("/api/healthcheck/nodes", "code", IdKind.INDICATOR);
        route("/healthcheck/nodes", "id", IdKind.NODE);
        route("/healthcheck/nodes", "code", IdKind.INDICATOR);
        route("/healthcheck/screen", "id", IdKind.NODE);
        route("/healthcheck/reports", "job", IdKind.REPORT_JOB);
        route("/healthcheck/rectifications", "id", IdKind.RECTIFICATION);
        route("/healthcheck/rectifications", "attachmentId", IdKind.RECTIFICATION_EVIDENCE);
        route("/healthcheck/rectifications/select", "unitId", IdKind.UNIT);
        route("/healthcheck/rules", "code", IdKind.INDICATOR);
        route("/lighting/attachments", "attachmentId", IdKind.LIGHTING_ATTACHMENT);
        route("/api/lighting/reports", "reportId", IdKind.LIGHTING_REPORT);
        route("/lighting/reports", "reportId", IdKind.LIGHTING_REPORT);
        route("/lighting/report", "unitId", IdKind.UNIT);
        route("/api/org/nodes", "id", IdKind.NODE);
        route("/org/nodes", "id", IdKind.NODE);
        route("/api/people", "id", IdKind.PERSON);
        route("/people", "id", IdKind.PERSON);
        route("/service/cadres", "id", IdKind.SERVICE_CADRE);
        route("/service/visits", "id", IdKind.VISIT);
        route("/api/service/visits", "id", IdKind.VISIT);
        route("/api/tickets", "id", IdKind.TICKET);
        route("/tickets", "id", IdKind.TICKET);
        route("/tickets", "attachmentId", IdKind.TICKET_EVIDENCE);
        route("/tickets/categories", "code", IdKind.TICKET_CATEGORY);
        route("/talent/applications", "id", IdKind.TALENT_APPLICATION);
        route("/talent/applications", "attachmentId", IdKind.TALENT_APPLICATION_EVIDENCE);
        route("/api/talent/applications", "id", IdKind.TALENT_APPLICATION);
        route("/talent/my/applications", "id", IdKind.TALENT_APPLICATION);
        route("/api/talent/my/applications", "id", IdKind.TALENT_APPLICATION);
        route("/talent/my/services", "code", IdKind.TALENT_SERVICE_ITEM);
        for (String base : List.of("/talent/support", "/api/talent/support")) {
            route(base, "employerId", IdKind.TALENT_EMPLOYER);
            route(base, "talentId", IdKind.TALENT);
            route(base, "teamId", IdKind.TALENT_TEAM);
            route(base, "contactId", IdKind.TALENT_CONTACT);
            route(base, "targetId", IdKind.TALENT_PLATFORM);
            route(base, "personId", IdKind.PERSON);
            route(base, "leaderPersonId", IdKind.PERSON);
            route(base + "/teams", "id", IdKind.TALENT_TEAM);
            route(base + "/requests", "id", IdKind.TALENT_REQUEST);
            route(base + "/platforms", "id", IdKind.TALENT_PLATFORM);
            route(base + "/projects", "id", IdKind.TALENT_PROJECT);
            route(base + "/talents", "id", IdKind.TALENT);
        }
        route("/talent/my/requests", "id", IdKind.TALENT_REQUEST);
        route("/api/talent/my/requests", "id", IdKind.TALENT_REQUEST);
        route("/attack-planted/units", "id", IdKind.NODE);
        route("/attack-planted/people", "id", IdKind.PERSON);
        route("/audit", "objectId", IdKind.AUDIT_OBJECT);
        route("/api/audit", "objectId", IdKind.AUDIT_OBJECT);
        route("/api/tokens", "jti", IdKind.API_TOKEN);
        route("/talent/registry", "id", IdKind.TALENT);
        route("/api/talent/talents", "id", IdKind.TALENT);
        route("/talent/employers", "id", IdKind.TALENT_EMPLOYER);
        route("/api/talent/employers", "id", IdKind.TALENT_EMPLOYER);
        route("/talent/recognition", "id", IdKind.RECOGNITION_CASE);
        route("/talent/recognition", "evidenceId", IdKind.RECOGNITION_EVIDENCE);
        route("/talent/recognition", "objectionId", IdKind.RECOGNITION_OBJECTION);
        route("/api/talent/recognition/cases", "id", IdKind.RECOGNITION_CASE);
        route("/api/talent/recognition/cases", "objectionId", IdKind.RECOGNITION_OBJECTION);
        route("/talent/referee/cases", "id", IdKind.RECOGNITION_CASE);
        route("/api/talent/referee/cases", "id", IdKind.RECOGNITION_CASE);
        route("/talent/grants/runs", "id", IdKind.TALENT_GRANT_RUN);
        route("/api/talent/grants/runs", "id", IdKind.TALENT_GRANT_RUN);
        // ratings, schemes part: /ratings/schemes/{code}/{version} names a scheme file, which is not scoped
        for (String base : List.of("/ratings/schemes", "/api/ratings/schemes")) {
            route(base, "code", IdKind.RATING_SCHEME);
            route(base, "version", IdKind.RATING_SCHEME_VERSION);
        }
        // ---- ratings, results part (issue 17): evidence files; the area filter of results and 比 is a node
        route("/ratings/results/evidence", "evidenceId", IdKind.RATING_EVIDENCE);
        for (String base : List.of("/ratings/results", "/api/ratings/results", "/ratings/compare",
                "/api/ratings/compare")) {
            route(base, "areaId", IdKind.NODE);
        }
        // rating cycle (issue 17, ADR 064)
        for (String base : List.of("/ratings", "/api/ratings")) {
            route(base + "/rounds", "id", IdKind.RATING_ROUND);
            route(base + "/rounds", "district", IdKind.NODE); // the list's filter: a county or township
            route(base + "/entries", "id", IdKind.RATING_ENTRY);
            route(base + "/entries", "evidenceId", IdKind.RATING_EVIDENCE);
            route(base + "/entries", "objectionId", IdKind.RATING_OBJECTION);
            route(base + "/entries", "entryId", IdKind.RATING_ENTRY);
        }
        // ratings, ballots part: paper ballots of a campaign, the template of one village (its party organisation)
        route("/api/ratings/evaluation", "campaignId", IdKind.PE_CAMPAIGN);
        route("/ratings/evaluation", "village", IdKind.PE_VILLAGE);
        // 双述双评双比 (rating evaluation part)
        route("/ratings/evaluation", "id", IdKind.PE_CAMPAIGN);
        route("/ratings/evaluation/subjects", "id", IdKind.PE_SUBJECT);
        route("/ratings/evaluation", "org", IdKind.PE_VILLAGE);
        route("/ratings/evaluation", "campaignId", IdKind.PE_CAMPAIGN);
        route("/api/ratings/evaluation/campaigns", "id", IdKind.PE_CAMPAIGN);
        route("/api/ratings/evaluation/subjects", "id", IdKind.PE_SUBJECT);
        // --- issue 18 matching begin
        for (String base : List.of("/prosperity/matching", "/api/prosperity/matching")) {
            route(base + "/needs", "id", IdKind.MATCHING_NEED);
            route(base + "/offers", "id", IdKind.MATCHING_OFFER);
            route(base + "/engagements", "id", IdKind.MATCHING_ENGAGEMENT);
            route(base, "needId", IdKind.MATCHING_NEED);
            route(base, "offerId", IdKind.MATCHING_OFFER);
            route(base, "placeNodeId", IdKind.COMMUNITY); // a need's place: a village (or township, county)
            route(base, "personId", IdKind.PERSON); // an offer's roster person (checked in the caller's scope)
        }
        // --- issue 18 matching end

        BY_NAME.put("nodeId", IdKind.NODE);
        BY_NAME.put("unitId", IdKind.UNIT);
        BY_NAME.put("toUnitId", IdKind.UNIT);
        BY_NAME.put("villageId", IdKind.COMMUNITY);
        BY_NAME.put("listId", IdKind.LIGHTING_LIST);
        BY_NAME.put("taskId", IdKind.LIGHTING_TASK);
        BY_NAME.put("evaluation", IdKind.EVALUATION);
        BY_NAME.put("cadreId", IdKind.SERVICE_CADRE);
        BY_NAME.put("chargeId", IdKind.SERVICE_CHARGE);
        BY_NAME.put("enterpriseId", IdKind.SERVICE_ENTERPRISE);
        BY_NAME.put("projectId", IdKind.SERVICE_PROJECT);
        BY_NAME.put("visitId", IdKind.VISIT);
        BY_NAME.put("photoId", IdKind.VISIT_PHOTO);
        BY_NAME.put("employerId", IdKind.TALENT_EMPLOYER);
        BY_NAME.put("talentId", IdKind.TALENT);
        BY_NAME.put("groupId", IdKind.REFEREE_GROUP);
        // --- issue 18 joint begin
        for (String base : List.of("/party/islands", "/api/party/islands")) {
            route(base, "islandId", IdKind.ISLAND);
        }
        for (String base : List.of("/prosperity/joint", "/api/prosperity/joint")) {
            route(base, "committeeId", IdKind.JOINT_COMMITTEE);
            route(base + "/projects", "projectId", IdKind.JOINT_PROJECT);
        }
        // --- issue 18 joint end
        // --- issue 19 young begin
        for (String base : List.of("/cadres/young", "/api/cadres/young")) {
            route(base, "id", IdKind.YOUNG_CADRE);
            route(base, "personId", IdKind.PERSON);
            route(base, "mentorId", IdKind.PERSON);
            route(base + "/postings", "postingId", IdKind.YOUNG_POSTING);
        }
        for (String base : List.of("/cadres/leaders", "/api/cadres/leaders")) {
            route(base + "/people", "personId", IdKind.PERSON);
            route(base + "/tasks", "personId", IdKind.PERSON); // a former leader claiming a task
            route(base + "/handovers", "townshipId", IdKind.NODE);
            route(base + "/handovers", "leavingId", IdKind.PERSON);
            route(base + "/handovers", "receivingId", IdKind.PERSON);
            route(base + "/handovers", "id", IdKind.LEADER_HANDOVER);
            route(base + "/handovers", "itemId", IdKind.HANDOVER_ITEM);
            route(base + "/tasks", "id", IdKind.FRONTLINE_TASK);
            route(base + "/claims", "claimId", IdKind.FRONTLINE_CLAIM);
            route(base + "/handovers", "appointmentId", IdKind.CADRE_APPOINTMENT); // the record moving the leader out
            route(base + "/handovers", "appointment", IdKind.CADRE_APPOINTMENT);
        }
        // --- issue 19 young end
        // --- issue 18 checkin begin
        for (String base : List.of("/party/checkin", "/api/party/checkin", "/party/my", "/api/party/my")) {
            route(base + "/registrations", "id", IdKind.CHECKIN_REGISTRATION);
            route(base + "/posts", "id", IdKind.CHECKIN_POST);
            route(base + "/logs", "id", IdKind.CHECKIN_LOG);
            route(base + "/logs", "photoId", IdKind.CHECKIN_PHOTO);
            route(base + "/pairings", "id", IdKind.CHECKIN_PAIRING);
            route(base + "/members", "id", IdKind.CHECKIN_MEMBER);
            route(base + "/villages", "id", IdKind.COMMUNITY);
            route(base + "/villages", "memberId", IdKind.CHECKIN_MEMBER);
            route(base + "/villages", "postId", IdKind.CHECKIN_POST);
            route(base + "/logs", "postId", IdKind.CHECKIN_POST);
            route(base + "/places", "parent", IdKind.NODE);
        }
        // --- issue 18 checkin end
        // --- issue 19 frontline begin
        route("/cadres/frontline", "id", IdKind.FRONTLINE_CAMPAIGN);
        route("/cadres/frontline/records", "id", IdKind.FRONTLINE_RECORD);
        route("/cadres/frontline/records", "photoId", IdKind.FRONTLINE_PHOTO);
        route("/api/cadres/frontline/campaigns", "id", IdKind.FRONTLINE_CAMPAIGN);
        route("/api/cadres/frontline/units", "unitId", IdKind.UNIT);
        for (String base : List.of("/cadres/frontline", "/api/cadres/frontline/campaigns")) {
            route(base, "teamId", IdKind.FRONTLINE_TEAM);
            route(base, "personId", IdKind.PERSON);
            route(base, "unit", IdKind.UNIT); // the campaign page's unit picker
        }
        // --- issue 19 frontline end
        // --- issue 19 care begin
        for (String base : List.of("/cadres/care", "/api/cadres/care")) {
            route(base + "/cases", "id", IdKind.CARE_CASE);
            route(base + "/clearances", "id", IdKind.CARE_CLEARANCE);
            route(base + "/disciplines", "id", IdKind.CARE_DISCIPLINE);
            route(base + "/rewards", "id", IdKind.CARE_BATCH);
            route(base + "/exemplars", "id", IdKind.CARE_EXEMPLAR);
            route(base, "personId", IdKind.PERSON);
            route(base, "unitId", IdKind.UNIT);
            route(base, "disciplineId", IdKind.CARE_DISCIPLINE);
            route(base, "appointmentId", IdKind.CARE_APPOINTMENT);
        }
        // --- issue 19 care end
        // --- issue 18 mobile begin
        route("/party/mobile/files", "id", IdKind.MOBILE_FILE);
        route("/api/party/mobile/files", "id", IdKind.MOBILE_FILE);
        route("/party/mobile/sources", "id", IdKind.MOBILE_CANDIDATE);
        route("/party/mobile/sources", "memberId", IdKind.MOBILE_MEMBER);
        route("/api/party/mobile/files", "memberId", IdKind.MOBILE_MEMBER);
        // --- issue 18 mobile end
        // --- issue 18 workshops begin
        route("/prosperity/workshops", "id", IdKind.WORKSHOP);
        route("/api/prosperity/workshops", "id", IdKind.WORKSHOP);
        route("/prosperity/pairs", "id", IdKind.WORKSHOP_PAIR);
        route("/prosperity/pairs/companies", "id", IdKind.WORKSHOP_COMPANY);
        route("/api/prosperity/pairs/companies", "id", IdKind.WORKSHOP_COMPANY);
        route("/prosperity/workshops", "county", IdKind.NODE); // the list's filter: a county
        route("/api/prosperity/workshops", "county", IdKind.NODE);
        route("/prosperity/pairs/companies", "countyId", IdKind.NODE); // the county a new 强村公司 belongs to
        // --- issue 19 appointments begin
        for (String base : List.of("/cadres/appointments", "/api/cadres/appointments")) {
            route(base, "id", IdKind.CADRE_APPOINTMENT);
            route(base, "appointment", IdKind.CADRE_APPOINTMENT);
            route(base, "personId", IdKind.PERSON);
            route(base, "campaignId", IdKind.FRONTLINE_CAMPAIGN); // the 一线考察 an appointment came from
        }
        // --- issue 19 appointments end
        // --- issue 18 workshops end
        // --- issue 19 training begin
        for (String base : List.of("/cadres/training", "/api/cadres/training")) {
            route(base + "/classes", "id", IdKind.TRAINING_CLASS);
            route(base + "/sessions", "id", IdKind.TRAINING_SESSION);
            route(base + "/enrolments", "id", IdKind.TRAINING_ENROLMENT);
            route(base, "personId", IdKind.PERSON); // a roster person enrolled or marked (checked in the class's scope)
        }
        for (String base : List.of("/cadres/research", "/api/cadres/research")) {
            route(base + "/topics", "id", IdKind.RESEARCH_TOPIC);
            route(base + "/problems", "id", IdKind.RESEARCH_PROBLEM);
            route(base, "leaderId", IdKind.PERSON); // the topic's leader (checked in the caller's scope)
        }
        // --- issue 19 training end
        // --- issue 20 annual begin
        for (String base : List.of("/annual", "/api/annual")) {
            route(base, "id", IdKind.ANNUAL_REVIEW);
            route(base, "key", IdKind.ANNUAL_FIGURE);
        }
        // --- issue 20 annual end
    }

    private IdKinds() {
    }

    private static void route(String prefix, String variable, IdKind kind) {
        BY_ROUTE.put(prefix + " " + variable, kind);
    }

    /** The kind of one id of a route, if declared. */
    static Optional<IdKind> of(String pattern, String variable) {
        IdKind best = null;
        int bestLength = -1;
        for (var entry : BY_ROUTE.entrySet()) {
            String prefix = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String name = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            boolean matches = name.equals(variable) && (pattern.equals(prefix) || pattern.startsWith(prefix + "/")
                    || pattern.startsWith(prefix + "."));
            if (matches && prefix.length() > bestLength) {
                best = entry.getValue();
                bestLength = prefix.length();
            }
        }
        return Optional.ofNullable(best != null ? best : BY_NAME.get(variable));
    }
}
