package cn.zugong.indicator;

import java.util.List;

/** A module of a pack (模块一 队伍结构) with its categories (体检项目) in order. */
public record PackModule(String code, String name, List<PackCategory> categories) {

    public PackModule {
        categories = List.copyOf(categories);
    }
}
