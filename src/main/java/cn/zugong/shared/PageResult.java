package cn.zugong.shared;

import java.util.List;

/** One page of a list. Pages are numbered from 1. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public int offset() {
        return (page - 1) * size;
    }

    public static int clampSize(Integer size) {
        return size == null ? 20 : Math.max(1, Math.min(size, 200));
    }

    public static int clampPage(Integer page) {
        return page == null ? 1 : Math.max(1, page);
    }
}
