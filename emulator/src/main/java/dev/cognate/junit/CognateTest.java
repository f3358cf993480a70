package dev.cognate.junit;

import dev.cognate.Limits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-process Cognate emulator on a free loopback port with an in-memory database.
 * Fields and parameters of type {@link dev.cognate.Cognate}, {@code CognitoIdentityProviderClient},
 * {@link dev.cognate.EmulatorClock} (the emulator's time, to move) and {@link dev.cognate.testing.CognatePool} are
 * injected; each {@code CognatePool} is a fresh pool and client, shaped
 * by {@link PoolSettings}.
 *
 * <pre>{@code
 * @CognateTest
 * class SignUpTest {
 *   @Test
 *   void signsUp(CognitoIdentityProviderClient cognito, Cognate cognate, @PoolSettings CognatePool pool) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CognateExtension.class)
public @interface CognateTest {

  /**
   * Share one emulator among every test class in the JVM that asks for the same settings, instead of one per
   * class; it stops when the JVM's test run ends.
   */
  boolean sharedPerJvm() default false;

  /** When set, every confirmation code is this six-digit value. */
  String fixedCode() default "";

  /** Region of pool ids and ARNs. */
  String region() default "us-east-1";

  /** Wrong passwords in a row before sign-in is locked out; see {@link Limits}. */
  int lockoutAfter() default Limits.COGNITO_LOCKOUT_AFTER;

  /** The first lock-out, in milliseconds; each further wrong password doubles it. */
  long lockoutBaseMillis() default Limits.COGNITO_LOCKOUT_BASE_MILLIS;

  /** The longest lock-out, in milliseconds. */
  long lockoutCapMillis() default Limits.COGNITO_LOCKOUT_CAP_MILLIS;

  /** Wrong guesses a code survives before it is refused even when right. */
  int wrongCodesPerCode() default Limits.COGNITO_WRONG_CODES_PER_CODE;

  /** Codes of one purpose sent to one user in any hour. */
  int codeSendsPerHour() default Limits.COGNITO_CODE_SENDS_PER_HOUR;

  /** Attempts at one purpose's code by one user in any hour. */
  int codeChecksPerHour() default Limits.COGNITO_CODE_CHECKS_PER_HOUR;

  /**
   * Templates whose Cognito resources are created before the first test, each written as the {@code --template} flag
   * takes it: {@code classpath:template.yaml}, a file path or a URL, optionally followed by {@code #STACK}. Read the
   * ids back with {@code cognate.resource("UserPool")}.
   */
  String[] templates() default {};

  /** Seed files whose users are created after the templates: {@code classpath:users.yaml}, a path or a URL. */
  String[] seeds() default {};

  /** The value of {@link #randomSeed()} that means none: ids, secrets and codes are then truly random. */
  long NO_SEED = Long.MIN_VALUE;

  /** When set, every generated id, secret and code follows from this seed, so the class's run repeats. */
  long randomSeed() default NO_SEED;
}
