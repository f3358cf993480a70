package dev.cognate.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One imported row, read-only, in one array of names and values: an import holds millions of small rows, and a
 * hash map per row took several times the document's size. Columns keep the document's order; null values are kept, since a column given
 * as null is not the same as a column left out (which takes the column's default).
 */
final class Row extends AbstractMap<String, Object> {
  /** Each column's name followed by its value. */
  private final Object[] cells;

  Row(Map<String, Object> row) {
    cells = new Object[row.size() * 2];
    int i = 0;
    for (Entry<String, Object> column : row.entrySet()) {
      cells[i++] = column.getKey();
      cells[i++] = column.getValue();
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < cells.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int i = next;
            next += 2;
            return new SimpleImmutableEntry<>((String) cells[i], cells[i + 1]);
          }
        };
      }

      @Override
      public int size() {
        return cells.length / 2;
      }
    };
  }
}
