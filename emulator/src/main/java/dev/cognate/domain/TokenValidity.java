package dev.cognate.domain;

import java.time.Duration;

/**
 * An app client's token lifetimes as configured (value and unit, for describing them back) and as durations.
 */
public record TokenValidity(
    int accessValue, String accessUnit, int idValue, String idUnit, long refreshValue, String refreshUnit) {

  public static final TokenValidity DEFAULT = new TokenValidity(60, "minutes", 60, "minutes", 30, "days");

  public Duration access() {
    return duration(accessValue, accessUnit);
  }

  public Duration id() {
    return duration(idValue, idUnit);
  }

  public Duration refresh() {
    return duration(refreshValue, refreshUnit);
  }

  /** Cognito's accepted ranges: access and ID 5 minutes to 1 day, refresh 60 minutes to 10 years. */
  public boolean inRange() {
    Duration min = Duration.ofMinutes(5);
    Duration max = Duration.ofDays(1);
    return within(access(), min, max)
        && within(id(), min, max)
        && within(refresh(), Duration.ofMinutes(60), Duration.ofDays(3650));
  }

  private static boolean within(Duration d, Duration min, Duration max) {
    return d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
  }

  private static Duration duration(long value, String unit) {
    return switch (unit) {
      case "seconds" -> Duration.ofSeconds(value);
      case "minutes" -> Duration.ofMinutes(value);
      case "hours" -> Duration.ofHours(value);
      case "days" -> Duration.ofDays(value);
      default -> throw new IllegalArgumentException("unknown time unit " + unit);
    };
  }
}
