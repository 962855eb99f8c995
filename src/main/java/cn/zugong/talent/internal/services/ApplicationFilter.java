package cn.zugong.talent.internal.services;

import cn.zugong.closure.ClosureStatus;

/** Filters of the office's application list; every field optional. */
public record ApplicationFilter(String item, String area, ClosureStatus status, Boolean proxy, Integer year,
                                Integer page, Integer size) {
}
