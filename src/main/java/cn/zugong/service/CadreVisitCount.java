package cn.zugong.service;

/** Visits of one cadre in a period, by kind (cadres without visits count 0). */
public record CadreVisitCount(long cadreId, String cadreName, CadreType type, long nodeId, String nodeName,
                              long projects, long enterprises, long farmers) {

    public long total() {
        return projects + enterprises + farmers;
    }
}
