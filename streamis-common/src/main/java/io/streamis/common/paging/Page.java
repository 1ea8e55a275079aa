package io.streamis.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of rows plus the total row count (sent as {@code totalPage}, as 0.3.x did). */
public record Page<T>(List<T> rows, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), total);
    }
}
