package dev.cognate.benchmark;

/**
 * One measured figure of one target: a number (compared across targets), the text shown for it, and whether more
 * is better. A figure a target cannot produce carries the reason instead.
 */
record Cell(double value, String text, boolean higherIsBetter, String unavailable) {

  static Cell rate(Throughput t) {
    if (t.completed() == 0) {
      return unavailable(t.firstFailure() != null ? t.firstFailure()
          : t.ranOut() ? "the prepared users ran out during the warm-up" : "nothing completed");
    }
    StringBuilder text = new StringBuilder(Format.whole(t.perSecond()) + "/s (" + t.latency() + ")");
    if (t.failed() > 0) {
      text.append(", ").append(t.failed()).append(" failed: ").append(t.firstFailure());
    }
    if (t.ranOut()) {
      text.append(", prepared users ran out after ").append(Format.millis(t.seconds() * 1000));
    }
    return new Cell(t.perSecond(), text.toString(), true, null);
  }

  static Cell latency(Throughput t) {
    if (t.completed() == 0) {
      return unavailable(t.firstFailure() == null ? "nothing completed" : t.firstFailure());
    }
    return new Cell(t.p50Millis(), t.latency() + (t.failed() > 0 ? ", " + t.failed() + " failed" : ""), false, null);
  }

  static Cell millis(double millis, String detail) {
    return new Cell(millis, Format.millis(millis) + (detail.isEmpty() ? "" : " (" + detail + ")"), false, null);
  }

  static Cell megabytes(long megabytes) {
    return new Cell(megabytes, megabytes + " MB", false, null);
  }

  static Cell unavailable(String reason) {
    return new Cell(Double.NaN, null, true, reason);
  }

  boolean available() {
    return unavailable == null;
  }

  String shown() {
    return available() ? text : "n/a (" + unavailable.replace('|', '/') + ")";
  }
}
