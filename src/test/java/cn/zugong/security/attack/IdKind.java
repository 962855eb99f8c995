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
    /** A talent of the registry (人才库); scoped by the 人才办 node it belongs to (a county, or the city). */
    TALENT,
    /** A 人才码 (talent_code); scoped by its talent. */
    TALENT_CODE,
    /** An employer, a 专班, its contact log, a key platform or project, a 人才诉求; each scoped by its node. */
    TALENT_EMPLOYER,
    TALENT_TEAM,
    TALENT_CONTACT,
    TALENT_PLATFORM,
    TALENT_PROJECT,
    TALENT_REQUEST,
    EVALUATION,
    /** A 码上秒享 grant run (scoped: its node, and above). */
    TALENT_GRANT_RUN,
    /** A healthcheck report job (its owner may fetch it). */
    REPORT_JOB,
    /** 人才认定: a recognition case, its evidence, an objection of its 公示, a 举荐小组; scoped by the case's node. */
    RECOGNITION_CASE,
    RECOGNITION_EVIDENCE,
    RECOGNITION_OBJECTION,
    REFEREE_GROUP,
    // 双述双评双比 (rating evaluation part): a campaign of a district and a subject of one of its villages
    PE_CAMPAIGN,
    PE_SUBJECT,
    /** A village's party organisation, as the 双述双评双比 routes name a village ({@code org}). */
    PE_VILLAGE,
    ACCOUNT,
    /** An API token's id (jti): its account's alone, so treated as scoped — another caller's answers 404. */
    API_TOKEN,
    /** A pending 三员密码重置 request (officers only; none exists among the probes). */
    RESET_REQUEST,
    /** A 码上办 application (its handling unit's scope; a TALENT's own only) and a file of it. */
    TALENT_APPLICATION,
    TALENT_APPLICATION_EVIDENCE,
    /** A service item's code of the talent service catalogue (not scoped). */
    TALENT_SERVICE_ITEM,
    // rating cycle (issue 17, ADR 064): a yearly round, a score sheet (entry), its evidence and a 公示 objection;
    // a round is scoped by the node that runs it, the others by the entry's party organisation
    RATING_ROUND,
    RATING_ENTRY,
    RATING_EVIDENCE,
    RATING_OBJECTION,
    /** Not scoped objects: an indicator code, a ticket category code, an audit filter's object id. */
    INDICATOR,
    TICKET_CATEGORY,
    AUDIT_OBJECT,
    // ratings, schemes part: a rating scheme's code and version (files, not scoped)
    RATING_SCHEME,
    RATING_SCHEME_VERSION,
    // --- issue 18 joint begin
    /** An island (geography, but its page is scoped: the islands of the caller's counties or villages). */
    ISLAND,
    /** A 党建联建 committee (scoped by the node that set it up) and one of its shared projects. */
    JOINT_COMMITTEE,
    JOINT_PROJECT,
    // --- issue 18 joint end
    // --- issue 19 young begin
    /** 年轻干部: an entry of the pool and a 试岗/实挂 posting (scoped by the person's unit); 离任交接 and an item of its
     * checklist (scoped by the township); a 揭榜出征 task and a claim of it (scoped by the posting office's node). */
    YOUNG_CADRE,
    YOUNG_POSTING,
    LEADER_HANDOVER,
    HANDOVER_ITEM,
    FRONTLINE_TASK,
    FRONTLINE_CLAIM,
    // --- issue 19 young end
    // --- issue 18 checkin begin
    /** 党员报到: a registration, a post, a service log and its photo, a pairing (scoped by the village, a member's
     * records also by the member's branch), and a party member as the office's member page names one. */
    CHECKIN_REGISTRATION,
    CHECKIN_POST,
    CHECKIN_LOG,
    CHECKIN_PHOTO,
    CHECKIN_PAIRING,
    CHECKIN_MEMBER,
    // --- issue 18 checkin end
    // --- issue 19 frontline begin
    /** 一线考察: a campaign (scoped by its office's node), an on-site record and its photo (scoped by the campaign). */
    FRONTLINE_CAMPAIGN,
    FRONTLINE_RECORD,
    FRONTLINE_PHOTO,
    /** A team of a campaign (scoped by the campaign). */
    FRONTLINE_TEAM,
    // --- issue 19 frontline end
    // --- issue 19 care begin
    /** 激励关爱 records (ADR 077): each scoped by its node (the person's unit; a reward batch: the awarding office). */
    CARE_CASE,
    CARE_CLEARANCE,
    CARE_DISCIPLINE,
    CARE_BATCH,
    CARE_EXEMPLAR,
    /** An appointment record (cadre_appointment) a disciplined cadre's re-use points at. */
    CARE_APPOINTMENT,
    // --- issue 19 care end
    // --- issue 18 mobile begin
    /** 流动党员: a file and a 源头查找 candidate, each scoped by the member's branch. */
    MOBILE_FILE,
    MOBILE_CANDIDATE,
    /** The party member a new file is for (memberId): scoped by the member's branch. */
    MOBILE_MEMBER,
    // --- issue 18 mobile end
    // --- issue 18 workshops begin
    /** 共富工坊 (scoped by its node), a 百企联百村 pair (by its village), a 强村公司 (by its county or share villages). */
    WORKSHOP,
    WORKSHOP_PAIR,
    WORKSHOP_COMPANY,
    // --- issue 18 workshops end
    // --- issue 18 matching begin
    /** 聚力共富: a need (its poster's node), an offer (its managing node and the places it serves), an engagement. */
    MATCHING_NEED,
    MATCHING_OFFER,
    MATCHING_ENGAGEMENT,
    // --- issue 18 matching end
    // --- issue 19 appointments begin
    /** 选拔任用纪实: an appointment record (scoped by the unit it leads to). */
    CADRE_APPOINTMENT,
    // --- issue 19 appointments end
    // --- issue 19 training begin
    /** 干部培训: a class (scoped by its organiser node), a session and an enrolment of it; 调研课题: a topic (scoped
     * by its node) and a problem of it. */
    TRAINING_CLASS,
    TRAINING_SESSION,
    TRAINING_ENROLMENT,
    RESEARCH_TOPIC,
    RESEARCH_PROBLEM,
    // --- issue 20 annual begin
    /** A 这一年 review (scoped by its node); a figure's key in the catalogue (not scoped: the review is). */
    ANNUAL_REVIEW,
    ANNUAL_FIGURE,
    // --- issue 20 annual end
    // --- issue 19 training end
}
