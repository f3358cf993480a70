package dev.cognate.junit;

import dev.cognate.testing.PoolSpec;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * How to shape an injected {@link dev.cognate.testing.CognatePool}. Without it, or with its defaults, the pool is
 * {@link PoolSpec#defaults()}; {@code original = true} gives the app's original pool and client instead.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PoolSettings {
  /** The app's original stack ({@link PoolSpec#original()}); the other attributes are then ignored. */
  boolean original() default false;

  /** {@code email} and/or {@code phone_number} as sign-in names instead of usernames. */
  String[] usernameAttributes() default {};

  /** Whether e-mail is required and verified by a code at sign-up. */
  boolean verifyEmail() default true;

  int minimumLength() default 8;

  /** Whether passwords need upper case, lower case, a number and a symbol. */
  boolean requireAllCharacterClasses() default true;

  boolean caseSensitive() default true;

  /** The client's auth flows; empty means password sign-in (client and admin) and refresh. */
  String[] explicitAuthFlows() default {};

  boolean generateSecret() default false;

  /** {@code LEGACY} or {@code ENABLED}. */
  String preventUserExistenceErrors() default "LEGACY";

  /** Access and ID token validity in hours; 0 keeps Cognito's default of one hour. */
  int tokenValidity() default 0;

  /** The settings as a {@link PoolSpec}. */
  final class Specs {
    private Specs() {}

    static PoolSpec of(PoolSettings settings) {
      if (settings == null) {
        return PoolSpec.defaults();
      }
      if (settings.original()) {
        return PoolSpec.original();
      }
      PoolSpec.Builder spec =
          PoolSpec.defaults().toBuilder()
              .usernameAttributes(List.of(settings.usernameAttributes()))
              .verifyEmail(settings.verifyEmail())
              .minimumLength(settings.minimumLength())
              .requireAllCharacterClasses(settings.requireAllCharacterClasses())
              .caseSensitive(settings.caseSensitive())
              .generateSecret(settings.generateSecret())
              .preventUserExistenceErrors(settings.preventUserExistenceErrors())
              .tokenValidity(settings.tokenValidity());
      if (settings.explicitAuthFlows().length > 0) {
        spec.explicitAuthFlows(List.of(settings.explicitAuthFlows()));
      }
      return spec.build();
    }
  }
}
