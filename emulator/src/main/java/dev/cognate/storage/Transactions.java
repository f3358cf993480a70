package dev.cognate.storage;

import java.util.function.Supplier;

/**
 * Runs work that spans several stores as one database transaction: every store call made on this thread inside
 * {@code work} joins it, and it commits only if {@code work} returns.
 */
public interface Transactions {
  <T> T inOne(Supplier<T> work);
}
