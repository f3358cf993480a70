package dev.cognate.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Required;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile request bodies for one operation, generated from its request record: a plausible request (members of
 * the right JSON types, ids that exist) and mutations of it, the same for the same seed.
 */
public final class RequestCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String EMOJI = "\uD83D\uDE00";
  private static final List<String> ODD_STRINGS =
      List.of(
          "",
          " ",
          "\u0000",
          "a\u0000b",
          "\uD800",
          "\uDC00\uD800",
          "\uFFFF",
          "\uFEFF",
          "\u202Eevil",
          "e\u0301\u0301\u0301",
          "\u0130\u0130\u0130",
          "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
          "\r\n\t",
          "%00%ff",
          "' OR '1'='1",
          "${jndi:ldap://127.0.0.1/x}",
          "<script>",
          "../../etc/passwd",
          "us-east-1_",
          "_");
  private static final String[] BODIES = {
    "", " ", "null", "[]", "[{}]", "42", "-1", "1e400", "\"x\"", "true", "{", "}", "{}{}", "{\"a\":1}garbage",
    "{\"a\":}", "{,}", "{\"a\" 1}", "{'a':1}", "{\"\\u0000\":1}", "{\"a\":\"\\ud800\"}", "{\"a\":NaN}",
    "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x41\"}", "/* c */{}", "{\"a\":1,\"a\":2}"
  };

  private final Random random;
  private final Map<String, String> knownValues;

  /**
   * @param knownValues values for members named like this key (UserPoolId, ClientId, Username, ...), so that
   *     plausible requests reach the operation's logic instead of stopping at "not found"
   */
  public RequestCorpus(long seed, Map<String, String> knownValues) {
    this.random = new Random(seed);
    this.knownValues = knownValues;
  }

  /** {@code count} bodies for a request type: the plausible request first, then mutations of it. */
  public List<byte[]> bodies(Class<? extends Record> type, int count) {
    List<byte[]> bodies = new ArrayList<>();
    bodies.add(bytes(plausible(type)));
    for (String body : BODIES) {
      bodies.add(body.getBytes(StandardCharsets.UTF_8));
    }
    bodies.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
    bodies.add("{}".getBytes(StandardCharsets.UTF_16));
    while (bodies.size() < count) {
      bodies.add(mutation(type));
    }
    return bodies;
  }

  private byte[] mutation(Class<? extends Record> type) {
    ObjectNode request = plausible(type);
    List<String> members = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    String member = members.isEmpty() ? "Member" : members.get(random.nextInt(members.size()));
    RecordComponent component = members.isEmpty() ? null : type.getRecordComponents()[members.indexOf(member)];
    switch (random.nextInt(14)) {
      case 0 -> request.set(member, wrongType());
      case 1 -> {
        request.remove(member);
        if (random.nextBoolean()) {
          request.removeAll();
        }
      }
      case 2 -> {
        int extra = random.nextInt(10) == 0 ? 1000 : 1 + random.nextInt(3);
        for (int i = 0; i < extra; i++) {
          request.set(random.nextBoolean() ? "Extra" + i : oddString(), wrongType());
        }
      }
      case 3 -> request.put(member, hugeString(component));
      case 4 -> request.put(member, nonBmpString(component));
      case 5 -> {
        return withDeep(request, member, pick(63, 64, 65, 200, 999, 5000));
      }
      case 6 -> {
        return invalidUtf8(request, member);
      }
      case 7 -> {
        return withNul(request, member);
      }
      case 8 -> request.set(member, edgeNumber());
      case 9 -> request.set(member, longList(component));
      case 11, 12 -> request.set(member, typedExtreme(component));
      case 13 -> {
        for (RecordComponent c : type.getRecordComponents()) {
          request.set(c.getName(), value(c.getName(), c.getGenericType(), c, 0));
        }
      }
      default -> {
        return deepen(request, component);
      }
    }
    return bytes(request);
  }

  /** A request whose members have their modelled JSON types, with known ids where the names match. */
  public ObjectNode plausible(Class<? extends Record> type) {
    ObjectNode node = NODES.objectNode();
    for (RecordComponent component : type.getRecordComponents()) {
      // Required and known members nearly always, others now and then: a request most often valid gets past
      // validation into the operation, where the mutations below matter most.
      boolean wanted =
          component.isAnnotationPresent(Required.class) || knownValues.containsKey(component.getName())
              ? random.nextInt(20) != 0
              : random.nextInt(4) == 0;
      if (wanted) {
        node.set(component.getName(), value(component.getName(), component.getGenericType(), component, 0));
      }
    }
    return node;
  }

  private JsonNode value(String name, Type type, RecordComponent component, int depth) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return NODES.textNode(text(name, component));
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return NODES.numberNode(pick(1, 5, 60, 0, 3));
    }
    if (raw == Double.class || raw == double.class) {
      return NODES.numberNode(1.5);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return NODES.booleanNode(random.nextBoolean());
    }
    if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      ArrayNode list = NODES.arrayNode();
      int size = 1 + random.nextInt(2);
      for (int i = 0; i < size; i++) {
        list.add(value(name, element, component, depth + 1));
      }
      return list;
    }
    if (raw == Map.class) {
      return map(name, ((ParameterizedType) type).getActualTypeArguments()[1], depth);
    }
    if (raw.isRecord() && depth < 4) {
      ObjectNode nested = NODES.objectNode();
      for (RecordComponent c : raw.getRecordComponents()) {
        nested.set(c.getName(), value(c.getName(), c.getGenericType(), c, depth + 1));
      }
      return nested;
    }
    return NODES.textNode("x");
  }

  private ObjectNode map(String name, Type valueType, int depth) {
    ObjectNode map = NODES.objectNode();
    if (name.equals("AuthParameters")) {
      map.put("USERNAME", knownValues.getOrDefault("Username", "user"));
      map.put("PASSWORD", knownValues.getOrDefault("Password", "Passw0rd!"));
      map.put("REFRESH_TOKEN", knownValues.getOrDefault("Token", "token"));
      return map;
    }
    map.set("key", value("value", valueType, null, depth + 1));
    return map;
  }

  private String text(String name, RecordComponent component) {
    if (name.equals("Username") && random.nextBoolean()) {
      return "fuzz" + random.nextInt(100_000);
    }
    if (knownValues.containsKey(name) && random.nextInt(10) != 0) {
      return knownValues.get(name);
    }
    OneOf oneOf = component == null ? null : component.getAnnotation(OneOf.class);
    if (oneOf != null && random.nextInt(10) != 0) {
      return oneOf.value()[random.nextInt(oneOf.value().length)];
    }
    return random.nextInt(10) == 0 ? oddString() : "fuzz" + random.nextInt(1000);
  }

  /** A value of the member's own JSON type at or past its bounds, so it passes binding. */
  private JsonNode typedExtreme(RecordComponent component) {
    if (component == null) {
      return NODES.textNode(oddString());
    }
    Class<?> raw = raw(component.getGenericType());
    if (raw == String.class) {
      return switch (random.nextInt(3)) {
        case 0 -> NODES.textNode(nonBmpString(component));
        case 1 -> NODES.textNode(oddString());
        default -> NODES.textNode(hugeString(component));
      };
    }
    if (raw == Integer.class || raw == Long.class) {
      return NODES.numberNode(pick(Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1, 86_401, 315_360_001));
    }
    if (raw == List.class) {
      ArrayNode list = NODES.arrayNode();
      Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
      int size = pick(0, 1, 2, 51);
      for (int i = 0; i < size; i++) {
        list.add(raw(element) == String.class ? NODES.textNode(nonBmpString(null)) : value("x", element, null, 1));
      }
      return list;
    }
    if (raw == Map.class) {
      ObjectNode map = NODES.objectNode();
      int size = pick(1, 100);
      for (int i = 0; i < size; i++) {
        map.put(i == 0 ? oddString() : "k" + i, nonBmpString(null));
      }
      return map;
    }
    return value(component.getName(), component.getGenericType(), component, 0);
  }

  private JsonNode wrongType() {
    return switch (random.nextInt(12)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(0);
      case 2 -> NODES.numberNode(-1);
      case 3 -> NODES.numberNode(1.5);
      case 4 -> NODES.booleanNode(true);
      case 5 -> NODES.textNode(oddString());
      case 6 -> NODES.arrayNode();
      case 7 -> NODES.objectNode();
      case 8 -> NODES.arrayNode().add(NODES.nullNode());
      case 9 -> NODES.objectNode().set("a", NODES.nullNode());
      case 10 -> NODES.arrayNode().add(1).add("a").add(NODES.objectNode());
      default -> edgeNumber();
    };
  }

  private JsonNode edgeNumber() {
    return switch (random.nextInt(7)) {
      case 0 -> NODES.numberNode(BigInteger.ONE.shiftLeft(31));
      case 1 -> NODES.numberNode(BigInteger.ONE.shiftLeft(63));
      case 2 -> NODES.numberNode(BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE));
      case 3 -> NODES.numberNode(new BigInteger("9".repeat(400)));
      case 4 -> NODES.numberNode(-0.0);
      case 5 -> NODES.numberNode(new BigDecimal("1e400"));
      default -> NODES.numberNode(Integer.MIN_VALUE);
    };
  }

  private String oddString() {
    return ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
  }

  private String hugeString(RecordComponent component) {
    int max = maxLength(component);
    int length = pick(max + 1, max * 2 + 1, 10_000, 300_000);
    return (random.nextBoolean() ? "a" : "\u0130").repeat(length);
  }

  private String nonBmpString(RecordComponent component) {
    int max = maxLength(component);
    return switch (random.nextInt(4)) {
      case 0 -> EMOJI.repeat(max);
      case 1 -> EMOJI.repeat(max + 1);
      case 2 -> "\u0130".repeat(max);
      default -> "\uD800".repeat(Math.max(1, max));
    };
  }

  private static int maxLength(RecordComponent component) {
    Length length = component == null ? null : component.getAnnotation(Length.class);
    return length == null || length.max() < 0 ? 2048 : length.max();
  }

  private JsonNode longList(RecordComponent component) {
    ArrayNode list = NODES.arrayNode();
    int size = pick(51, 101, 1000);
    for (int i = 0; i < size; i++) {
      list.add(component != null && raw(component.getGenericType()) == List.class
          ? value(component.getName(), ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0],
              component, 1)
          : NODES.textNode("e" + i));
    }
    return list;
  }

  /** Nests deeply inside a member that takes an object, or in an extra member. */
  private byte[] deepen(ObjectNode request, RecordComponent component) {
    int depth = pick(30, 62, 63, 64, 1000);
    if (component != null && raw(component.getGenericType()) == Map.class) {
      ObjectNode holder = NODES.objectNode();
      request.set(component.getName(), holder);
      return withDeep(holder, "k", request, depth);
    }
    return withDeep(request, "Deep", depth);
  }

  private byte[] withDeep(ObjectNode request, String member, int depth) {
    return withDeep(request, member, request, depth);
  }

  /** Written as text: a tree this deep would overflow the test's own stack when serialized. */
  private byte[] withDeep(ObjectNode holder, String member, ObjectNode request, int depth) {
    holder.put(member, "MARK");
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String deep = open.repeat(depth - 1) + (arrays ? "[]" : "{}") + close.repeat(depth - 1);
    return replaceMark(bytes(request), ("\"MARK\"").getBytes(StandardCharsets.UTF_8),
        deep.getBytes(StandardCharsets.UTF_8));
  }

  /** A string member whose bytes are not UTF-8: a lone continuation byte, an overlong NUL, a CESU surrogate. */
  private byte[] invalidUtf8(ObjectNode request, String member) {
    request.put(member, "MARK");
    byte[][] bad = {
      {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
    };
    return replaceMark(bytes(request), bad[random.nextInt(bad.length)]);
  }

  /** A NUL as an escape inside a string, raw inside a string, or raw between tokens. */
  private byte[] withNul(ObjectNode request, String member) {
    return switch (random.nextInt(3)) {
      case 0 -> {
        request.put(member, "a\u0000b");
        yield bytes(request);
      }
      case 1 -> {
        request.put(member, "MARK");
        yield replaceMark(bytes(request), new byte[] {'a', 0, 'b'});
      }
      default -> {
        byte[] body = bytes(request);
        byte[] withNul = Arrays.copyOf(body, body.length + 1);
        withNul[body.length] = 0;
        yield withNul;
      }
    };
  }

  private static byte[] replaceMark(byte[] body, byte[] replacement) {
    return replaceMark(body, "MARK".getBytes(StandardCharsets.UTF_8), replacement);
  }

  private static byte[] replaceMark(byte[] body, byte[] mark, byte[] replacement) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(new String(mark, StandardCharsets.ISO_8859_1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body, 0, at);
    out.write(replacement, 0, replacement.length);
    out.write(body, at + mark.length, body.length - at - mark.length);
    return out.toByteArray();
  }

  private int pick(int... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  /** UTF-8 JSON; a lone surrogate, which UTF-8 cannot carry, is written as its escape, as a client may send it. */
  private static byte[] bytes(JsonNode node) {
    String text;
    try {
      text = JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        escaped.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        escaped.append(String.format("\\u%04X", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString().getBytes(StandardCharsets.UTF_8);
  }
}
