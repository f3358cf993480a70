package dev.cognate.operation;

import dev.cognate.domain.SchemaAttribute;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.SchemaAttributeType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AttributeRules;
import dev.cognate.storage.PoolStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** AddCustomAttributes: custom attributes join a pool's schema, checked as CreateUserPool checks them. */
public final class AddCustomAttributesOperation
    implements Operation<AddCustomAttributesOperation.AddCustomAttributesRequest, Empty> {
  /** Cognito's quota of custom attributes per pool. */
  static final int MAX_CUSTOM_ATTRIBUTES = 50;

  private final PoolStore pools;
  private final Clock clock;

  public AddCustomAttributesOperation(PoolStore pools, Clock clock) {
    this.pools = pools;
    this.clock = clock;
  }

  public record AddCustomAttributesRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 25) List<SchemaAttributeType> CustomAttributes) {}

  @Override
  public String name() {
    return "AddCustomAttributes";
  }

  @Override
  public Class<AddCustomAttributesRequest> requestType() {
    return AddCustomAttributesRequest.class;
  }

  @Override
  public Empty handle(AddCustomAttributesRequest request, RequestContext context) {
    pools
        .update(request.UserPoolId(), pool -> withAdded(pool, request.CustomAttributes()))
        .orElseThrow(
            () -> CognitoException.notFound("User pool " + request.UserPoolId() + " does not exist."));
    return new Empty();
  }

  private UserPool withAdded(UserPool pool, List<SchemaAttributeType> entries) {
    List<SchemaAttribute> schema = new ArrayList<>(pool.schema());
    for (SchemaAttributeType entry : entries) {
      SchemaAttribute attribute = SchemaEntries.custom(schema, entry);
      AttributeRules.checkDefinition(attribute);
      schema.add(attribute);
    }
    long custom = schema.stream().filter(a -> a.name().startsWith("custom:")).count();
    if (custom > MAX_CUSTOM_ATTRIBUTES) {
      throw CognitoException.invalidParameter(
          "A user pool can have at most " + MAX_CUSTOM_ATTRIBUTES + " custom attributes.");
    }
    return pool.withSchema(schema, clock.instant());
  }
}
