package cn.zugong.talent;

/** An employer: kind ENTERPRISE or INSTITUTION, with its 统一社会信用代码 and industry (a field code). */
public record NewEmployer(long nodeId, String creditCode, String name, String kind, String industry) {
}
