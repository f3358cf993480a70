package dev.cognate.provision;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a template or seed file into plain maps, lists and scalars. JSON goes through Jackson; YAML through
 * SnakeYAML, with CloudFormation's short tags turned into their long form ({@code !Ref X} into {@code {Ref: X}},
 * {@code !GetAtt A.B} into {@code {Fn::GetAtt: [A, B]}}), so the rest of provisioning sees one shape.
 */
final class YamlFiles {
  private static final List<String> FUNCTIONS =
      List.of(
          "Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue", "GetAZs",
          "Base64", "Cidr", "Length", "ToJsonString");

  /** Far above any real template or seed file (10,000 seeded users take about 1.5 MB); a bound on what is read. */
  private static final int MAX_BYTES = 16 << 20;

  /** YAML refuses a repeated key; JSON must too, or the second of two resources would silently win. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final int MAX_DEPTH = 100;
  /** A 16 MB file without aliases holds a few million values at most; 10,000 seeded users hold about 80,000. */
  private static final int MAX_VALUES = 5_000_000;

  private YamlFiles() {}

  /** The file's top-level mapping; an {@link IOException} says what is wrong with it. */
  static Map<String, Object> read(Location location) throws IOException {
    String text = new String(location.read(MAX_BYTES), StandardCharsets.UTF_8);
    Object root;
    try {
      root = text.stripLeading().startsWith("{") ? JSON.readValue(text, Object.class) : yaml().load(text);
    } catch (YAMLException | IOException e) {
      throw new IOException("not valid JSON or YAML: " + firstLine(e.getMessage()));
    }
    if (!(root instanceof Map<?, ?>)) {
      throw new IOException("the file must hold a mapping at its top level");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) textKeys(root, 0, new int[] {MAX_VALUES});
    return result;
  }

  /**
   * A copy with every key as text: YAML reads the key {@code 123:} as a number and {@code ~:} as null, where
   * CloudFormation reads text. The depth bound stops a YAML list that holds itself ({@code &a [*a]}), which every
   * later walk over the values would follow until the stack overflows; the count of values stops aliases that
   * repeat each other ({@code &b [*a, *a]}, {@code &c [*b, *b]} ...), which double at each level once copied.
   */
  private static Object textKeys(Object value, int depth, int[] valuesLeft) throws IOException {
    if (depth > MAX_DEPTH && (value instanceof Map<?, ?> || value instanceof List<?>)) {
      throw new IOException("nested more than " + MAX_DEPTH + " levels deep (an alias inside itself?)");
    }
    if (--valuesLeft[0] < 0) {
      throw new IOException("more than " + MAX_VALUES + " values once aliases are expanded");
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> keyed = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        keyed.put(String.valueOf(entry.getKey()), textKeys(entry.getValue(), depth + 1, valuesLeft));
      }
      return keyed;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(textKeys(item, depth + 1, valuesLeft));
      }
      return items;
    }
    return value;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_BYTES);
    // This constructor is the one that takes a resolver; it wants dumping settings too, though nothing is dumped.
    DumperOptions dumping = new DumperOptions();
    return new Yaml(new ShortTags(options), new Representer(dumping), dumping, options, new CoreScalars());
  }

  /**
   * YAML 1.1 reads {@code ON}, {@code OFF}, {@code yes} and {@code no} as booleans and {@code 2010-09-09} as a date;
   * CloudFormation keeps them strings, and {@code MfaConfiguration: OFF} must stay {@code "OFF"}. Only
   * {@code true}/{@code false}, numbers and null are typed here.
   */
  private static final class CoreScalars extends Resolver {
    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  /** SnakeYAML's safe constructor plus one construct per CloudFormation short tag. */
  private static final class ShortTags extends SafeConstructor {
    ShortTags(LoaderOptions options) {
      super(options);
      yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
      yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
      for (String function : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
      }
    }

    private Object plain(Node node) {
      if (node instanceof ScalarNode scalar) {
        return constructScalar(scalar);
      }
      if (node instanceof SequenceNode sequence) {
        return new ArrayList<>(constructSequence(sequence));
      }
      return constructMapping((MappingNode) node);
    }

    private final class LongForm extends AbstractConstruct {
      private final String key;

      LongForm(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        return Map.of(key, plain(node));
      }
    }

    /** {@code !GetAtt Pool.Arn} splits at the first dot; the list form is kept as written. */
    private final class GetAtt extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        Object value = plain(node);
        if (value instanceof String text && text.contains(".")) {
          value = Arrays.asList(text.split("\\.", 2));
        }
        return Map.of("Fn::GetAtt", value);
      }
    }
  }
}
