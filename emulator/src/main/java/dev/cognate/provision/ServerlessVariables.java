package dev.cognate.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Serverless Framework variables a resources section uses: {@code ${self:path}}, {@code ${sls:stage}},
 * {@code ${opt:stage, 'dev'}} and {@code ${env:NAME}}, with fallbacks after commas. Command-line options are never
 * given here, so {@code opt:} takes its fallback; the stage is {@code provider.stage}, else {@code dev}. Other
 * variables stay as written.
 */
final class ServerlessVariables {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{((?:self|sls|opt|env):[^{}]*)}");
  private static final int MAX_DEPTH = 10;
  /**
   * The depth bound alone lets a value that uses itself eight times grow to 8^10 copies; these bound the whole
   * expansion far above what a real file needs.
   */
  private static final int MAX_LOOKUPS = 100_000;
  private static final int MAX_CHARS = 16 << 20;

  private final Map<String, Object> root;
  private final String stage;
  private int lookups;
  private long chars;

  /** Thrown when the expansion passes its bounds; the caller names the file. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("its Serverless variables expand past " + MAX_LOOKUPS + " look-ups or " + (MAX_CHARS >> 20)
          + " MB (one that uses itself?)");
    }
  }

  private ServerlessVariables(Map<String, Object> root, String stage) {
    this.root = root;
    this.stage = stage;
  }

  /** The file with its variables resolved; {@link TooLarge} when they expand without bound. */
  static Map<String, Object> resolve(Map<String, Object> root) {
    Object declared = TemplateParser.map(root.get("provider")).get("stage");
    String stage = "dev";
    if (declared instanceof String text) {
      Object resolved = new ServerlessVariables(root, "dev").value(text, 0);
      stage = resolved == null ? "dev" : String.valueOf(resolved);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> resolved = (Map<String, Object>) new ServerlessVariables(root, stage).value(root, 0);
    return resolved;
  }

  /** {@code <service>-<stage>}, as Serverless names the stack it deploys. */
  static String stackName(Location location, Map<String, Object> root) {
    Object service = root.get("service");
    if (service instanceof Map<?, ?> named) {
      service = named.get("name");
    }
    String stage = String.valueOf(TemplateParser.map(root.get("provider")).getOrDefault("stage", "dev"));
    return service instanceof String name && !name.contains("${") ? name + "-" + stage : location.baseName();
  }

  private Object value(Object value, int depth) {
    if (value instanceof String text) {
      return string(text, depth);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), value(v, depth)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(value(v, depth)));
      return copy;
    }
    return value;
  }

  private Object string(String text, int depth) {
    Matcher whole = VARIABLE.matcher(text);
    if (whole.matches()) {
      Object found = variable(whole.group(1), depth);
      return found == null ? text : found;
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object found = variable(m.group(1), depth);
      String replacement = found == null ? m.group() : String.valueOf(found);
      chars += replacement.length();
      if (chars > MAX_CHARS) {
        throw new TooLarge();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The first alternative that has a value, or null. */
  private Object variable(String expression, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (++lookups > MAX_LOOKUPS) {
      throw new TooLarge();
    }
    for (String alternative : expression.split(",")) {
      Object found = alternative(alternative.strip(), depth);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Object alternative(String text, int depth) {
    if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) {
      return text.substring(1, text.length() - 1);
    }
    if (text.equals("sls:stage") || text.equals("self:provider.stage")) {
      return stage;
    }
    if (text.startsWith("env:")) {
      return System.getenv(text.substring(4));
    }
    if (text.startsWith("self:")) {
      Object current = root;
      for (String key : text.substring(5).split("\\.")) {
        current = TemplateParser.map(current).get(key);
      }
      return current == null ? null : value(current, depth + 1);
    }
    return null;
  }
}
