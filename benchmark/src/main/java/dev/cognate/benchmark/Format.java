package dev.cognate.benchmark;

import java.util.Locale;

final class Format {
  private Format() {}

  static String millis(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    if (millis >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
    return String.format(Locale.ROOT, millis >= 10 ? "%.0f ms" : millis >= 1 ? "%.1f ms" : "%.2f ms", millis);
  }

  static String whole(double number) {
    return String.format(Locale.ROOT, "%,.0f", number);
  }

  static String percent(double fraction) {
    if (fraction > 0 && fraction < 0.01) {
      return "<1 %";
    }
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }

  static String ratio(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.2fx", ratio);
  }
}
