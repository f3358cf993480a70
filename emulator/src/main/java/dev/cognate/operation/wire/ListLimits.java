package dev.cognate.operation.wire;

/** The page size of the Limit-paginated listings (QueryLimitType, 0 to 60). */
public final class ListLimits {
  private static final int DEFAULT = 60;

  private ListLimits() {}

  /** Cognito treats an absent Limit, and 0, as its largest page. */
  public static int of(Integer limit) {
    return limit == null || limit == 0 ? DEFAULT : limit;
  }
}
