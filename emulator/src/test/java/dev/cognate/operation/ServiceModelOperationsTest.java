package dev.cognate.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.CognateConfig;
import dev.cognate.Engine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The checked-in list of the service model's operations is exactly what the SDK's client sends: every operation
 * method of {@link CognitoIdentityProviderClient} is called with an empty request and its {@code X-Amz-Target} is
 * read just before it would go out, so the names are the wire names (GetCSVHeader, not the method's getCsvHeader).
 */
class ServiceModelOperationsTest {
  private static final String PREFIX = "AWSCognitoIdentityProviderService.";

  /** Thrown where the request would be sent, carrying the target it would have been sent with. */
  private static final class Captured extends RuntimeException {
    final String target;

    Captured(String target) {
      super(target, null, false, false);
      this.target = target;
    }
  }

  @Test
  void theListIsTheSdkClientsOperations() throws Exception {
    Set<String> sent = new TreeSet<>();
    try (CognitoIdentityProviderClient client = capturingClient()) {
      for (Method method : CognitoIdentityProviderClient.class.getMethods()) {
        if (isOperation(method)) {
          sent.add(targetOf(client, method));
        }
      }
    }
    assertEquals(sent, new TreeSet<>(ServiceModelOperations.names()));
    System.out.println("ServiceModelOperationsTest: " + sent.size() + " operations in the SDK client and the list");
  }

  @Test
  void everyRegisteredOperationIsAModelOperation() {
    try (Engine engine = new Engine(CognateConfig.forTests().build())) {
      List<String> strangers =
          engine.operations().names().stream().filter(name -> !ServiceModelOperations.contains(name)).toList();
      assertEquals(List.of(), strangers);
    }
  }

  private static boolean isOperation(Method method) {
    return !Modifier.isStatic(method.getModifiers())
        && method.getParameterCount() == 1
        && CognitoIdentityProviderRequest.class.isAssignableFrom(method.getParameterTypes()[0])
        && !method.getName().endsWith("Paginator");
  }

  private static String targetOf(CognitoIdentityProviderClient client, Method method) throws Exception {
    SdkBuilder<?, ?> builder = (SdkBuilder<?, ?>) method.getParameterTypes()[0].getMethod("builder").invoke(null);
    Object built = builder.build();
    InvocationTargetException thrown =
        assertThrows(InvocationTargetException.class, () -> method.invoke(client, built), method.getName());
    Captured captured = findCaptured(thrown.getCause());
    return captured.target.substring(PREFIX.length());
  }

  private static Captured findCaptured(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Captured captured) {
        return captured;
      }
    }
    throw new AssertionError("the call failed before it was sent", failure);
  }

  private static CognitoIdentityProviderClient capturingClient() {
    ExecutionInterceptor capture =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String target = context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            throw new Captured(target);
          }
        };
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(capture).retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }
}
