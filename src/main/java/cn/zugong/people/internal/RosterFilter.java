package cn.zugong.people.internal;

/**
 * Filters of the roster list, bound from query parameters of both the page and the API.
 * {@code q} matches part of a name, or a whole ID number.
 */
public record RosterFilter(String q, Long nodeId, String gender, String education, String rank, String political,
                           String source, Integer ageMin, Integer ageMax) {

    /** The same filter with another query text. */
    public RosterFilter withQ(String other) {
        return new RosterFilter(other, nodeId, gender, education, rank, political, source, ageMin, ageMax);
    }

    public static RosterFilter none() {
        return new RosterFilter(null, null, null, null, null, null, null, null, null);
    }
}
