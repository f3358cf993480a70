package dev.cognate.benchmark;

/**
 * What one fixed-duration load run did: completed requests per second and their latency, with the failed requests
 * counted apart. {@code ranOut} means the prepared work (such as unconfirmed users) ended before the time did.
 */
record Throughput(double perSecond, double p50Millis, double p99Millis, long completed, long failed,
                  String firstFailure, boolean ranOut, double seconds) {

  String latency() {
    return "p50 " + Format.millis(p50Millis) + " · p99 " + Format.millis(p99Millis);
  }
}
