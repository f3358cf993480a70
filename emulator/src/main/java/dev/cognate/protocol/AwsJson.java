package dev.cognate.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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

  private final ObjectMapper mapper;

  public AwsJson() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
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

  /** Binds a request body; an empty body counts as {@code {}}, as the SDK never sends one. */
  public <T> T read(byte[] body, Class<T> type) {
    try {
      JsonNode tree = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw serialization("Start of structure or map found where not expected.");
      }
      return mapper.treeToValue(tree, type);
    } catch (StreamConstraintsException e) {
      throw serialization("Request body nests deeper than " + MAX_NESTING_DEPTH + " levels.");
    } catch (IOException e) {
      throw serialization(e instanceof JsonProcessingException ? "Malformed request body." : e.getMessage());
    }
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
