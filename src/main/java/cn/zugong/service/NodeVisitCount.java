package cn.zugong.service;

/** Visits of the cadres of one node (unit or division) in a period, by kind. */
public record NodeVisitCount(long nodeId, String nodeName, long cadres, long projects, long enterprises,
                             long farmers) {

    public long total() {
        return projects + enterprises + farmers;
    }
}
