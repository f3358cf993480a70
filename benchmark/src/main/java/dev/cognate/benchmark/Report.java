package dev.cognate.benchmark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Markdown report: the machine, one column per target with ratios, the machine's limits, the targets. */
final class Report {
  private static final String LOGIN = Rows.rate("AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH)", 16);
  private static final String USER_LOGIN = Rows.rate("InitiateAuth (USER_PASSWORD_AUTH)", 16);
  private static final String REFRESH = Rows.rate("InitiateAuth (REFRESH_TOKEN_AUTH)", 16);
  private static final String SIGN_UP = Rows.rate("SignUp (fresh users)", 16);
  private static final String JWKS = Rows.rate("JWKS GET", 16);
  private static final String GET_USER = Rows.rate("GetUser", 16);

  private final Machine machine;
  private final Throughput generator;
  private final Options options;
  private final Map<String, Map<String, Cell>> targets;

  /** {@code targets}: Cognate first, then the peers, each with its rows by label. */
  Report(Machine machine, Throughput generator, Options options, Map<String, Map<String, Cell>> targets) {
    this.machine = machine;
    this.generator = generator;
    this.options = options;
    this.targets = targets;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Cognate benchmark\n\n")
        .append("- Machine: ").append(machine.description()).append('\n')
        .append("- Run: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("; each load run ")
        .append(options.measured().toSeconds()).append(" s after ").append(options.warmUp().toSeconds())
        .append(" s of warm-up; closed-loop keep-alive clients; latencies are per request\n")
        .append("- Cognate: `").append(options.cognate().commandOrUrl()).append("`\n");
    for (Options.Peer peer : options.peers()) {
      md.append("- ").append(peer.name()).append(": `").append(peer.commandOrUrl()).append("`\n");
    }
    md.append("- Load generator ceiling: ").append(Format.whole(generator.perSecond()))
        .append(" requests/s from 16 clients against a trivial server in the generator's JVM (")
        .append(generator.latency()).append("); figures near it measure the generator, not the target\n\n");
    table(md);
    limits(md);
    goals(md);
    return md.toString();
  }

  private void table(StringBuilder md) {
    List<String> names = new ArrayList<>(targets.keySet());
    Map<String, Cell> cognate = targets.get(names.get(0));
    md.append("| measurement | ").append(names.get(0));
    for (String peer : names.subList(1, names.size())) {
      md.append(" | ").append(peer).append(" | Cognate ÷ ").append(peer);
    }
    md.append(" |\n|---|---");
    md.append("|---|---".repeat(names.size() - 1)).append("|\n");
    Set<String> rows = new LinkedHashSet<>();
    targets.values().forEach(t -> rows.addAll(t.keySet()));
    for (String row : rows) {
      Cell ours = cell(cognate, row);
      md.append("| ").append(row).append(" | ").append(ours.shown());
      for (String peer : names.subList(1, names.size())) {
        Cell theirs = cell(targets.get(peer), row);
        md.append(" | ").append(theirs.shown()).append(" | ").append(ratio(ours, theirs));
      }
      md.append(" |\n");
    }
    md.append("\nRatios divide Cognate's figure by the peer's: for rates above 1 is better, for times and memory")
        .append(" below 1 is better; the word after each says which.\n\n");
  }

  /** A target's figure for a row, or why it has none: a Java-only row, or the failed setup that stopped it. */
  private static Cell cell(Map<String, Cell> target, String row) {
    Cell cell = target.get(row);
    if (cell != null) {
      return cell;
    }
    if (row.startsWith("Java API") || row.startsWith("JUnit") || row.startsWith("(baseline)")) {
      return Cell.unavailable("Cognate's Java API only");
    }
    Cell setup = target.get(Rows.SETUP);
    return Cell.unavailable(setup == null ? "not measured" : "no pool: " + setup.unavailable());
  }

  private static String ratio(Cell ours, Cell theirs) {
    if (!ours.available() || !theirs.available() || theirs.value() == 0) {
      return "";
    }
    double ratio = ours.value() / theirs.value();
    boolean better = ours.higherIsBetter() ? ratio > 1 : ratio < 1;
    return Format.ratio(ratio) + (ratio == 1 ? "" : better ? " better" : " worse");
  }

  private void limits(StringBuilder md) {
    Map<String, Cell> cognate = targets.values().iterator().next();
    md.append("### The machine's limits, measured in the same run\n\n| limit | value |\n|---|---|\n")
        .append("| RSA-2048 SHA256withRSA signatures/s on one core, JDK provider | ")
        .append(Format.whole(machine.rsaPerSecondJdk())).append(" |\n")
        .append("| the same with Amazon Corretto Crypto Provider | ")
        .append(machine.rsaPerSecondCorretto().isPresent()
            ? Format.whole(machine.rsaPerSecondCorretto().getAsDouble()) : "n/a (not on the classpath)")
        .append(" |\n| one bcrypt hash at the emulator's default cost ").append(machine.bcryptCost()).append(" | ")
        .append(Format.millis(machine.bcryptMillis())).append(" |\n")
        .append("| one SRP verifier (stored with every password) | ").append(Format.millis(machine.srpVerifierMillis()))
        .append(" |\n| signing limit for logins: ").append(machine.cores())
        .append(" cores × ").append(machine.rsaPerSecondCorretto().isPresent() ? "Corretto" : "JDK")
        .append(" signatures/s ÷ 2 (a login signs an ID and an access token; its refresh token is random) | ")
        .append(Format.whole(machine.loginSigningLimit())).append("/s |\n")
        .append("| hashing limit for sign-ups: cores ÷ (bcrypt + SRP verifier) | ")
        .append(Format.whole(machine.signUpHashingLimit())).append("/s |\n\n");
    md.append("| Cognate, 16 clients | rate | share of the limit |\n|---|---|---|\n");
    fraction(md, cognate, LOGIN, machine.loginSigningLimit(), "signing limit");
    fraction(md, cognate, USER_LOGIN, machine.loginSigningLimit(), "signing limit");
    fraction(md, cognate, REFRESH, machine.loginSigningLimit(), "signing limit (a refresh signs two tokens too)");
    fraction(md, cognate, SIGN_UP, machine.signUpHashingLimit(), "hashing limit");
    fraction(md, cognate, GET_USER, generator.perSecond(), "generator ceiling");
    fraction(md, cognate, JWKS, generator.perSecond(), "generator ceiling");
    md.append('\n');
  }

  private static void fraction(StringBuilder md, Map<String, Cell> rows, String row, double limit, String of) {
    Cell cell = rows.getOrDefault(row, Cell.unavailable("not measured"));
    md.append("| ").append(row).append(" | ")
        .append(cell.available() ? Format.whole(cell.value()) + "/s" : cell.shown()).append(" | ")
        .append(cell.available() ? Format.percent(cell.value() / limit) + " of the " + of : "").append(" |\n");
  }

  private void goals(StringBuilder md) {
    List<String> names = new ArrayList<>(targets.keySet());
    Map<String, Cell> cognate = targets.get(names.get(0));
    Map<String, Map<String, Cell>> peers = new LinkedHashMap<>(targets);
    peers.remove(names.get(0));
    Map<String, Cell> moto = peers.get("moto");
    md.append("### Issue 10 targets\n\n");
    md.append("- Cold start at most the fastest peer's: ").append(atMostBestPeer(cognate, peers, Rows.COLD_START))
        .append('\n');
    md.append("- In-process start under 150 ms warm: ").append(below(cognate.get(Rows.API_WARM), 150)).append('\n');
    md.append("- First test class in a fresh JVM under 1 s: ").append(below(cognate.get(Rows.EXTENSION_FIRST), 1000))
        .append('\n');
    md.append("- RSS after load at most moto's: ").append(vsMoto(cognate, moto, Rows.RSS_AFTER_LOAD, 1)).append('\n');
    md.append("- Login at 16 clients at least 4x moto's: ").append(vsMoto(cognate, moto, LOGIN, 4)).append('\n');
    Cell login = cognate.get(LOGIN);
    md.append("- Login at 16 clients at least 80 % of the signing limit: ")
        .append(login == null || !login.available() ? "not judged (no login figure)"
            : verdict(login.value() >= 0.8 * machine.loginSigningLimit(),
                Format.percent(login.value() / machine.loginSigningLimit())))
        .append('\n');
    md.append("- Sign-up at least 2x moto's: ").append(vsMoto(cognate, moto, SIGN_UP, 2)).append('\n');
    md.append("- JWKS at least 3x the fastest peer: ").append(atLeastTimesBestPeer(cognate, peers, JWKS, 3))
        .append('\n');
    for (String operation : List.of("InitiateAuth (USER_PASSWORD_AUTH)", "SignUp")) {
      md.append("- ").append(operation).append(" latency grows less than 1.5x from 1k to 100k users: ")
          .append(growth(cognate, operation)).append('\n');
    }
  }

  private String growth(Map<String, Cell> cognate, String operation) {
    Cell small = cognate.get(Rows.atUsers(operation, 1_000));
    Cell medium = cognate.get(Rows.atUsers(operation, 10_000));
    Cell large = cognate.get(Rows.atUsers(operation, 100_000));
    if (small == null || !small.available()) {
      return "not judged (no figure at 1k users)";
    }
    if (large == null || !large.available()) {
      String tenK = medium != null && medium.available()
          ? "; 1k to 10k: " + Format.ratio(medium.value() / small.value()) : "";
      return "not judged (run with --users-100k)" + tenK;
    }
    double growth = large.value() / small.value();
    return verdict(growth < 1.5, "p50 " + Format.ratio(growth));
  }

  private static String below(Cell cell, double millis) {
    if (cell == null || !cell.available()) {
      return "not judged (" + (cell == null ? "not measured" : cell.unavailable()) + ")";
    }
    return verdict(cell.value() < millis, Format.millis(cell.value()));
  }

  private static String vsMoto(Map<String, Cell> cognate, Map<String, Cell> moto, String row, double times) {
    if (moto == null) {
      return "not judged (run with --vs \"python3 -m moto.server -p {port}\")";
    }
    Cell ours = cognate.get(row);
    Cell theirs = moto.get(row);
    if (ours == null || theirs == null || !ours.available() || !theirs.available()) {
      return "not judged (a figure is missing)";
    }
    double ratio = ours.value() / theirs.value();
    boolean met = ours.higherIsBetter() ? ratio >= times : ratio <= times;
    return verdict(met, Format.ratio(ratio) + " moto's");
  }

  private static String atMostBestPeer(Map<String, Cell> cognate, Map<String, Map<String, Cell>> peers, String row) {
    Cell ours = cognate.get(row);
    double best = peers.values().stream().map(p -> p.get(row)).filter(c -> c != null && c.available())
        .mapToDouble(Cell::value).min().orElse(Double.NaN);
    if (ours == null || !ours.available() || Double.isNaN(best)) {
      return "not judged (needs Cognate's and a started peer's figure)";
    }
    return verdict(ours.value() <= best, Format.millis(ours.value()) + " vs " + Format.millis(best));
  }

  private static String atLeastTimesBestPeer(Map<String, Cell> cognate, Map<String, Map<String, Cell>> peers,
                                             String row, double times) {
    Cell ours = cognate.get(row);
    double best = peers.values().stream().map(p -> p.get(row)).filter(c -> c != null && c.available())
        .mapToDouble(Cell::value).max().orElse(Double.NaN);
    if (ours == null || !ours.available() || Double.isNaN(best)) {
      return "not judged (needs Cognate's and a peer's figure)";
    }
    return verdict(ours.value() >= times * best, Format.ratio(ours.value() / best) + " the fastest peer's");
  }

  private static String verdict(boolean met, String figure) {
    return (met ? "**met**" : "**missed**") + " (" + figure + ")";
  }
}
