package cn.zugong.security.attack;

/**
 * The kinds of object an id parameter names. Each kind has a probe outside the 定海 callers' scope (in 普陀区)
 * and one inside the reporter's unit (定海区教育局), made by {@link Targets}; an id of a kind not listed here
 * fails the suite until the new module declares it in {@link IdKinds} and makes its probes.
 */
enum IdKind {
    /** An organisation node (region, unit, community); scoped. */
    NODE,
    /** A unit (单位) of the organisation tree; scoped. */
    UNIT,
    /** A village or community (村/社区) node; scoped. */
    COMMUNITY,
    PERSON,
    LIGHTING_LIST,
    LIGHTING_TASK,
    LIGHTING_REPORT,
    LIGHTING_ATTACHMENT,
    RECTIFICATION,
    RECTIFICATION_EVIDENCE,
    TICKET,
    TICKET_EVIDENCE,
    SERVICE_CADRE,
    SERVICE_CHARGE,
    SERVICE_ENTERPRISE,
    SERVICE_PROJECT,
    VISIT,
    VISIT_PHOTO,
    DELIBERATION_MATTER,
    DELIBERATION_MEETING,
    EVALUATION,
    /** A 码上秒享 grant run (scoped: its node, and above). */
    TALENT_GRANT_RUN,
    /** A healthcheck report job (its owner may fetch it). */
    REPORT_JOB,
    ACCOUNT,
    /** An API token's id (jti): its account's alone, so treated as scoped — another caller's answers 404. */
    API_TOKEN,
    /** A pending 三员密码重置 request (officers only; none exists among the probes). */
    RESET_REQUEST,
    /** Not scoped objects: an indicator code, a ticket category code, an audit filter's object id. */
    INDICATOR,
    TICKET_CATEGORY,
    AUDIT_OBJECT
}
