package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.Cognate;
import dev.cognate.EmulatorClock;
import dev.cognate.testing.CognatePool;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** {@code @CognateTest(randomSeed = ...)}, the injected clock, and reset through the injected emulator. */
@CognateTest(randomSeed = 7)
class DeterministicTestIT {
  EmulatorClock clock;

  @Test
  void theSeedReachesTheEmulatorAndTheClockIsItsOwn(Cognate cognate, EmulatorClock parameter) {
    assertEquals(OptionalLong.of(7), cognate.config().randomSeed());
    assertSame(cognate.clock(), clock);
    assertSame(clock, parameter);
    Duration before = clock.offset();
    clock.advance(Duration.ofMinutes(5));
    assertEquals(before.plusMinutes(5), cognate.clock().offset());
  }

  @Test
  void resetThroughTheInjectedEmulatorEmptiesIt(
      Cognate cognate, CognitoIdentityProviderClient cognito, CognatePool pool) {
    cognate.reset();
    assertEquals(0, cognito.listUserPools(r -> r.maxResults(60)).userPools().size());
    assertThrows(
        ResourceNotFoundException.class, () -> cognito.describeUserPool(r -> r.userPoolId(pool.userPoolId())));
  }
}
