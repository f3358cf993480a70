package dev.cognate.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.io.IOException;
import java.util.Locale;

/**
 * The one JSON mapper of the wire protocol, strict the way AWS's front end is: a body must be one JSON object whose
 * members have their modelled JSON types and whose lists and maps hold no nulls; unknown members are ignored;
 * nulls are left out of answers.
 */
public final class AwsJson {
  /**
   * The deepest nesting a request may have. Cognito's deepest request shapes nest about five levels; the limit
   * leaves ample room for free-form members while keeping every stored document and every answer writable.
   */
  static final int MAX_NESTING_DEPTH = 64;
  /**
   * The most JSON tokens a request may hold. Cognito's largest legitimate requests hold a few thousand; a 1 MiB body
   * of empty objects holds some 700,000, each a heap object once bound.
   */
  static final int MAX_TOKENS = 100_000;

  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private final ObjectMapper mapper;

  public AwsJson() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxTokenCount(MAX_TOKENS).build())
            // A record is built from the stream as soon as its last member arrives, so "the last value wins" could
            // hold only for some positions of a repeated member; refusing every repetition is one answer for all.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    JsonMapper built =
        JsonMapper.builder(factory)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // A null inside a list or map has no meaning in the model; AWS's front end rejects it too.
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();
    built
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    this.mapper = built;
  }

  /**
   * Binds a request body; an empty body counts as {@code {}}, as the SDK never sends one. It is bound straight from
   * the stream, so members the operation does not model are skipped without being held in memory.
   */
  public <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      return read(EMPTY_OBJECT, type);
    }
    try (JsonParser parser = mapper.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw serialization("Start of structure or map found where not expected.");
      }
      T value = mapper.readValue(parser, type);
      if (parser.nextToken() != null) {
        throw serialization("Malformed request body.");
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw serialization(limitExceeded(e));
    } catch (JsonParseException e) {
      throw serialization(
          String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
              ? "Request body names a member twice."
              : "Malformed request body.");
    } catch (IOException e) {
      throw serialization(e instanceof JsonProcessingException ? "Malformed request body." : e.getMessage());
    }
  }

  /** Which of the reader's limits a body broke, in words that name no class of ours or Jackson's. */
  private static String limitExceeded(StreamConstraintsException e) {
    String detail = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
    if (detail.contains("nesting depth")) {
      return "Request body nests deeper than " + MAX_NESTING_DEPTH + " levels.";
    }
    if (detail.contains("token count")) {
      return "Request body holds more than " + MAX_TOKENS + " JSON tokens.";
    }
    if (detail.contains("number value length")) {
      return "Request body holds a number longer than the reader accepts.";
    }
    if (detail.contains("name length")) {
      return "Request body holds a member name longer than the reader accepts.";
    }
    return "Request body exceeds a limit of the JSON reader.";
  }

  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static CognitoException serialization(String message) {
    return new CognitoException(CognitoErrorType.SERIALIZATION, message);
  }
}
