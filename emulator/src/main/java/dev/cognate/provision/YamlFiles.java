package dev.cognate.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  private YamlFiles() {}

  /** The file's top-level mapping; an {@link IOException} says what is wrong with it. */
  static Map<String, Object> read(Location location) throws IOException {
    byte[] bytes;
    try (InputStream in = location.open()) {
      bytes = in.readAllBytes();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Object root;
    try {
      root = text.stripLeading().startsWith("{") ? new ObjectMapper().readValue(text, Object.class) : yaml().load(text);
    } catch (YAMLException | IOException e) {
      throw new IOException("not valid JSON or YAML: " + firstLine(e.getMessage()));
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IOException("the file must hold a mapping at its top level");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) map;
    return result;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
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
