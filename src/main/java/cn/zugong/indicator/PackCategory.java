package cn.zugong.indicator;

/** A check category (体检项目, e.g. 年龄结构) of a module. */
public record PackCategory(String code, String name, String moduleCode) {
}
