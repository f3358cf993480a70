package dev.cognate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.TriggerKind;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;

/**
 * The suite's clients for Cognate send each call once: a 500 from the emulator fails its case instead of being
 * retried into a pass. Runs on its own in-process emulator, whatever the run's target.
 */
class TargetClientsIT {
  @Test
  void theEmulatorAndEndpointTargetsSendAFailedCallOnce() {
    AtomicInteger calls = new AtomicInteger();
    CognateConfig config =
        CognateConfig.forTests()
            .trigger(
                TriggerKind.PRE_SIGN_UP,
                event -> {
                  calls.incrementAndGet();
                  // A VirtualMachineError is the JVM's trouble, not the trigger's: the emulator answers 500.
                  throw new InternalError("boom");
                })
            .build();
    try (Cognate cognate = Cognate.start(config)) {
      for (Target target : new Target[] {new EmulatorTarget(cognate), EndpointTarget.at(cognate.endpoint())}) {
        try (target) {
          CognatePool pool = target.pool(PoolSpec.defaults());
          calls.set(0);
          assertThrows(
              InternalErrorException.class,
              () -> target.cognito().signUp(
                  b -> b.clientId(pool.clientId()).username("alice").password("Passw0rd!")
                      .userAttributes(a -> a.name("email").value("alice@example.com"))));
          System.out.println("TargetClientsIT: " + target.name() + " target, a 500 took " + calls.get() + " call(s)");
          assertEquals(1, calls.get(), target.name());
        }
      }
    }
  }
}
