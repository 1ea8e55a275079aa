package io.streamis.common.paging;

/** 1-based page request with the 0.3.x parameter names {@code pageNow}/{@code pageSize}. */
public record PageRequest(int pageNow, int pageSize) {

    public static final int MAX_PAGE_SIZE = 500;

    public PageRequest {
        pageNow = pageNow < 1 ? 1 : pageNow;
        pageSize = pageSize < 1 ? 20 : Math.min(pageSize, MAX_PAGE_SIZE);
    }

    public static PageRequest of(Integer pageNow, Integer pageSize) {
        return new PageRequest(pageNow == null ? 1 : pageNow, pageSize == null ? 20 : pageSize);
    }

    public int offset() {
        return (pageNow - 1) * pageSize;
    }
}
