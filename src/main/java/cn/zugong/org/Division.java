package cn.zugong.org;

/** One row of divisions-zhejiang.csv (GB/T 2260 code, name, level, parent code). */
public record Division(String code, String name, String level, String parentCode) {
}
