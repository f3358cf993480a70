package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.TriggerKind;
import dev.cognate.testing.CognatePool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;

/** The injected client sends each call once, so an emulator 500 reaches the test instead of a retry hiding it. */
class NoRetryIT {
  private static final AtomicInteger CALLS = new AtomicInteger();

  @RegisterExtension
  static CognateExtension extension =
      CognateExtension.withConfig(
          c -> c.trigger(
              TriggerKind.PRE_SIGN_UP,
              event -> {
                CALLS.incrementAndGet();
                // A VirtualMachineError is the JVM's trouble, not the trigger's: the emulator answers 500.
                throw new InternalError("boom");
              }));

  @Test
  void anInternalErrorIsSentOnce(CognitoIdentityProviderClient cognito, CognatePool pool) {
    assertThrows(
        InternalErrorException.class,
        () -> cognito.signUp(b -> b.clientId(pool.clientId()).username("alice").password("Passw0rd!")
                .userAttributes(a -> a.name("email").value("alice@example.com"))));
    System.out.println("NoRetryIT: a 500 from the emulator took " + CALLS.get() + " call(s) of the trigger");
    assertEquals(1, CALLS.get());
  }
}
