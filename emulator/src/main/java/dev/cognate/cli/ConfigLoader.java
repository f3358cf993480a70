package dev.cognate.cli;

import dev.cognate.CognateConfig;
import dev.cognate.TriggerKind;
import dev.cognate.provision.Location;
import dev.cognate.provision.TemplateSource;
import dev.cognate.trigger.HttpTrigger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns environment variables and command-line flags (flags win) into a {@link CognateConfig}. */
public final class ConfigLoader {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

  /**
   * One setting: its flag, its environment variable, whether it takes a value, and how it applies. A switch (a flag
   * without a value) is applied with {@code "true"} or {@code "false"}: bare it is on, {@code --flag=false} turns it
   * off; its variable turns it on with {@code true}, or with {@code false} for a {@code --no-} flag.
   */
  record Option(String flag, String env, String value, String help, BiConsumer<CognateConfig.Builder, String> apply) {
    boolean takesValue() {
      return value != null;
    }
  }

  static final List<Option> OPTIONS =
      List.of(
          new Option("--port", "COGNATE_PORT", "N", "port to listen on; 0 picks a free one (default 9229)",
              (b, v) -> b.port(integer("--port", v))),
          new Option("--host", "COGNATE_HOST", "ADDRESS", "address to bind (default 127.0.0.1)", CognateConfig.Builder::host),
          new Option("--data", "COGNATE_DATA", "DIR", "folder of the H2 database file (default ./.cognate)",
              (b, v) -> b.dataDir(Path.of(v))),
          new Option("--in-memory", "COGNATE_IN_MEMORY", null, "keep everything in memory; nothing is written",
              (b, v) -> b.inMemory(Boolean.parseBoolean(v))),
          new Option("--region", "COGNATE_REGION", "REGION",
              "region of pool ids and ARNs when a request is unsigned; a signed one uses its own (default us-east-1)",
              CognateConfig.Builder::region),
          new Option("--code", "COGNATE_CODE", "NNNNNN", "every confirmation code is this value instead of random digits",
              CognateConfig.Builder::fixedCode),
          new Option("--issuer", "COGNATE_ISSUER", "URL",
              "base of token issuers, e.g. https://cognito-idp.us-east-1.amazonaws.com (default: the URL the client used)",
              CognateConfig.Builder::issuer),
          new Option("--bcrypt-cost", "COGNATE_BCRYPT_COST", "N", "bcrypt cost of stored passwords, 4-31 (default 4)",
              (b, v) -> b.bcryptCost(integer("--bcrypt-cost", v))),
          new Option("--credentials", "COGNATE_CREDENTIALS", "KEY:SECRET",
              "verify SigV4 signatures with this key pair (repeatable; the variable takes a comma-separated list)",
              ConfigLoader::credentials),
          new Option("--trigger", "COGNATE_TRIGGERS", "NAME=URL",
              "POST every pool's NAME trigger event (PreSignUp, DefineAuthChallenge, ...) to URL and use the JSON"
                  + " answer (repeatable; the variable takes a comma-separated list)",
              ConfigLoader::triggers),
          new Option("--no-dev-api", "COGNATE_DEV_API", null,
              "turn off every /_cognate route but /_cognate/health (env: false)",
              (b, v) -> b.devApi(!Boolean.parseBoolean(v))),
          new Option("--lockout-after", "COGNATE_LOCKOUT_AFTER", "N",
              "wrong passwords in a row before sign-in is locked out (default 5)",
              (b, v) -> b.limits(l -> l.withLockoutAfter(integer("--lockout-after", v)))),
          new Option("--lockout-base", "COGNATE_LOCKOUT_BASE", "DURATION",
              "first lock-out, doubled by each further wrong password; e.g. 500ms, 1s, 2m (default 1s)",
              (b, v) -> b.limits(l -> l.withLockoutBase(duration("--lockout-base", v)))),
          new Option("--lockout-cap", "COGNATE_LOCKOUT_CAP", "DURATION", "longest lock-out (default 15m)",
              (b, v) -> b.limits(l -> l.withLockoutCap(duration("--lockout-cap", v)))),
          new Option("--wrong-codes", "COGNATE_WRONG_CODES", "N",
              "wrong guesses a code survives; then it is refused until a new one is sent (default 5)",
              (b, v) -> b.limits(l -> l.withWrongCodesPerCode(integer("--wrong-codes", v)))),
          new Option("--code-sends-per-hour", "COGNATE_CODE_SENDS_PER_HOUR", "N",
              "codes of one purpose sent to one user per hour (default 5)",
              (b, v) -> b.limits(l -> l.withCodeSendsPerHour(integer("--code-sends-per-hour", v)))),
          new Option("--code-checks-per-hour", "COGNATE_CODE_CHECKS_PER_HOUR", "N",
              "attempts at one purpose's code by one user per hour (default 15)",
              (b, v) -> b.limits(l -> l.withCodeChecksPerHour(integer("--code-checks-per-hour", v)))),
          new Option("--template", "COGNATE_TEMPLATE", "FILE[#STACK]",
              "create the Cognito resources of this CloudFormation, SAM or Serverless file at start; FILE may be"
                  + " classpath:NAME or a URL; ids derive from STACK (default: the file name without extension;"
                  + " Serverless: <service>-<stage>) (repeatable; the"
                  + " variable takes a comma-separated list)",
              (b, v) -> eachOf(v, item -> b.template(TemplateSource.parse(item)))),
          new Option("--seed", "COGNATE_SEED", "FILE",
              "create the users of this YAML or JSON seed file at start (repeatable; the variable takes a"
                  + " comma-separated list)",
              (b, v) -> eachOf(v, item -> b.seed(new Location(item)))),
          new Option("--env-file", "COGNATE_ENV_FILE", "FILE",
              "write KEY=value lines of what was provisioned (USER_POOL_ID, USER_CLIENT_ID, ...) to FILE",
              (b, v) -> b.envFile(Path.of(v))),
          new Option("--random-seed", "COGNATE_RANDOM_SEED", "N",
              "derive every generated id, secret and code from this number, so runs repeat (default: random)",
              (b, v) -> b.randomSeed(longInteger("--random-seed", v))));

  private ConfigLoader() {}

  /** The configuration, or an {@link IllegalArgumentException} naming the bad flag or value. */
  public static CognateConfig load(List<String> args, Map<String, String> env) {
    CognateConfig.Builder builder = CognateConfig.builder();
    for (Option option : OPTIONS) {
      String value = env.get(option.env());
      if (value != null && !value.isBlank()) {
        if (option.takesValue()) {
          fromEnvironment(option, builder, value.trim());
        } else {
          boolean on = switchValue(option.env(), value.trim()) != option.flag().startsWith("--no-");
          option.apply().accept(builder, String.valueOf(on));
        }
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      Option option =
          OPTIONS.stream()
              .filter(o -> o.flag().equals(flag))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("unknown option " + arg));
      String value;
      if (!option.takesValue()) {
        value = arg.contains("=") ? String.valueOf(switchValue(flag, arg.substring(arg.indexOf('=') + 1))) : "true";
      } else if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      option.apply().accept(builder, value);
    }
    return builder.build();
  }

  /** Applies a variable's value; a refusal names the variable, since that is what the user set, not the flag. */
  private static void fromEnvironment(Option option, CognateConfig.Builder builder, String value) {
    try {
      option.apply().accept(builder, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace(option.flag(), option.env()), e);
    }
  }

  public static String usage() {
    StringBuilder text =
        new StringBuilder("Usage: java -jar cognate-emulator.jar [options]\n\nOptions (each also an environment variable):\n");
    for (Option option : OPTIONS) {
      String flag = option.flag() + (option.takesValue() ? " " + option.value() : "");
      text.append(String.format("  %-26s %-29s %s%n", flag, option.env(), option.help()));
    }
    text.append(String.format("  %-26s %-29s %s%n", "--help", "", "print this help"));
    text.append("\nA switch (an option without a value) also takes =true or =false, e.g. --in-memory=false.\n");
    return text.toString();
  }

  /** A comma-separated list; each item applies in turn. */
  private static void eachOf(String value, Consumer<String> apply) {
    for (String item : value.split(",", -1)) {
      if (item.isBlank()) {
        throw new IllegalArgumentException("an empty item in the list " + value);
      }
      apply.accept(item.trim());
    }
  }

  /** One or more comma-separated {@code ACCESS_KEY:SECRET_KEY} pairs; errors never repeat a secret. */
  private static void credentials(CognateConfig.Builder builder, String value) {
    for (String pair : value.split(",", -1)) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        throw new IllegalArgumentException("--credentials needs ACCESS_KEY:SECRET_KEY pairs separated by commas");
      }
      builder.credentials(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
    }
  }

  /** One or more comma-separated {@code NAME=URL} pairs, NAME as in a pool's LambdaConfig. */
  private static void triggers(CognateConfig.Builder builder, String value) {
    for (String pair : value.split(",", -1)) {
      int equals = pair.indexOf('=');
      if (equals <= 0 || equals == pair.length() - 1) {
        throw new IllegalArgumentException("--trigger needs NAME=URL pairs separated by commas");
      }
      String name = pair.substring(0, equals).trim();
      TriggerKind kind =
          Arrays.stream(TriggerKind.values())
              .filter(k -> k.lambdaConfigName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--trigger names one of "
                              + Arrays.stream(TriggerKind.values()).map(TriggerKind::lambdaConfigName).toList()
                              + ", was "
                              + name));
      URI url;
      try {
        url = new URI(pair.substring(equals + 1).trim());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("--trigger " + name + " needs a URL, was " + pair.substring(equals + 1));
      }
      builder.trigger(kind, new HttpTrigger(url));
    }
  }

  /** A switch's value is true or false: anything else is a typo that must not silently mean false. */
  private static boolean switchValue(String name, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(name + " must be true or false, was " + value);
  }

  /** A whole number of milliseconds, seconds, minutes or hours: {@code 500ms}, {@code 1s}, {@code 15m}, {@code 2h}. */
  private static Duration duration(String flag, String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(flag + " needs a duration such as 500ms, 1s, 15m or 2h, got " + value);
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " is too long: " + value);
    }
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, got " + value);
    }
  }

  private static long longInteger(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
    }
  }
}
