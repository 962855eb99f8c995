package cn.zugong.people.internal;

/**
 * The party member list's filters: a keyword, one node (with what is under it), a status, only 流动党员, the page
 * and its size (the page shows 20); the same record binds the page and {@code GET /api/party-members}.
 */
record PartyMemberFilter(String q, Long nodeId, String status, Boolean mobile, Integer page, Integer size) {
}
