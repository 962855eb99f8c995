package cn.zugong.service;

/** A service cadre as other modules see it; {@code nodeId} is the unit or division the cadre belongs to. */
public record CadreSummary(long id, String name, CadreType type, long nodeId, String nodeName, String username) {
}
