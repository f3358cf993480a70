package dev.cognate.storage.jdbc;

import dev.cognate.storage.Page;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Turns "limit + 1" rows into a page: the extra row only tells that another page exists. */
final class Pages {
  private Pages() {}

  static <R, T> Page<T> of(List<R> rows, int limit, ToLongFunction<R> seq, Function<R, T> item) {
    boolean more = rows.size() > limit;
    List<R> page = more ? rows.subList(0, limit) : rows;
    OptionalLong next = more ? OptionalLong.of(seq.applyAsLong(page.get(page.size() - 1))) : OptionalLong.empty();
    return new Page<>(page.stream().map(item).toList(), next);
  }
}
