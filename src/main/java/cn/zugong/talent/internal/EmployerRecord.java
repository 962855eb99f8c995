package cn.zugong.talent.internal;

/** An employer of the registry: {@code kind} ENTERPRISE or INSTITUTION, {@code industry} a field code. */
public record EmployerRecord(long id, long nodeId, String nodePath, String nodeName, String creditCode, String name,
                             String kind, String industry, long talents) {
}
