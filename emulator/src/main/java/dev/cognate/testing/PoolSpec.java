package dev.cognate.testing;

import java.util.List;

/**
 * The settings of a user pool and its app client, for tests that create their own. {@link #defaults()} suits most
 * tests; {@link #original()} is the app's own pool and client.
 *
 * @param poolName pool name
 * @param usernameAttributes {@code email} and/or {@code phone_number} to sign in with instead of a username
 * @param autoVerifiedAttributes attributes verified by a code at sign-up
 * @param requiredAttributes standard attributes every user must have
 * @param minimumLength password minimum length
 * @param requireAllCharacterClasses whether passwords need upper case, lower case, a number and a symbol
 * @param caseSensitive whether usernames are case-sensitive
 * @param clientName app client name
 * @param explicitAuthFlows the client's auth flows
 * @param generateSecret whether the client gets a secret
 * @param preventUserExistenceErrors {@code LEGACY} or {@code ENABLED}
 * @param tokenValidity access and ID token validity, with no units (hours), or 0 for Cognito's default
 */
public record PoolSpec(
    String poolName,
    List<String> usernameAttributes,
    List<String> autoVerifiedAttributes,
    List<String> requiredAttributes,
    int minimumLength,
    boolean requireAllCharacterClasses,
    boolean caseSensitive,
    String clientName,
    List<String> explicitAuthFlows,
    boolean generateSecret,
    String preventUserExistenceErrors,
    int tokenValidity) {

  public PoolSpec {
    usernameAttributes = List.copyOf(usernameAttributes);
    autoVerifiedAttributes = List.copyOf(autoVerifiedAttributes);
    requiredAttributes = List.copyOf(requiredAttributes);
    explicitAuthFlows = List.copyOf(explicitAuthFlows);
  }

  /**
   * Cognito's API defaults, plus what most tests need: e-mail required and verified by code, and a client that
   * allows password sign-in from the client and the server and refresh.
   */
  public static PoolSpec defaults() {
    return new PoolSpec(
        "cognate-test",
        List.of(),
        List.of("email"),
        List.of("email"),
        8,
        true,
        true,
        "cognate-test-client",
        List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        false,
        "LEGACY",
        0);
  }

  /**
   * The app's original stack: pool {@code Serverless-Chat} with a required, mutable e-mail, passwords of at least
   * six characters and e-mail auto-verified; client {@code user-pool-ui} without a secret, token validity 5 (hours,
   * as Cognito reads a value without units), flows {@code ADMIN_NO_SRP_AUTH} and {@code USER_PASSWORD_AUTH}.
   */
  public static PoolSpec original() {
    return new PoolSpec(
        "Serverless-Chat",
        List.of(),
        List.of("email"),
        List.of("email"),
        6,
        false,
        true,
        "user-pool-ui",
        List.of("ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH"),
        false,
        "LEGACY",
        5);
  }

  /** A builder starting from these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a {@link PoolSpec}; {@link #build()} gives the new one. */
  public static final class Builder {
    private String poolName;
    private List<String> usernameAttributes;
    private List<String> autoVerifiedAttributes;
    private List<String> requiredAttributes;
    private int minimumLength;
    private boolean requireAllCharacterClasses;
    private boolean caseSensitive;
    private String clientName;
    private List<String> explicitAuthFlows;
    private boolean generateSecret;
    private String preventUserExistenceErrors;
    private int tokenValidity;

    private Builder(PoolSpec from) {
      poolName = from.poolName;
      usernameAttributes = from.usernameAttributes;
      autoVerifiedAttributes = from.autoVerifiedAttributes;
      requiredAttributes = from.requiredAttributes;
      minimumLength = from.minimumLength;
      requireAllCharacterClasses = from.requireAllCharacterClasses;
      caseSensitive = from.caseSensitive;
      clientName = from.clientName;
      explicitAuthFlows = from.explicitAuthFlows;
      generateSecret = from.generateSecret;
      preventUserExistenceErrors = from.preventUserExistenceErrors;
      tokenValidity = from.tokenValidity;
    }

    public Builder poolName(String value) {
      poolName = value;
      return this;
    }

    public Builder usernameAttributes(List<String> value) {
      usernameAttributes = value;
      return this;
    }

    /** E-mail required and verified by code, or neither. */
    public Builder verifyEmail(boolean value) {
      autoVerifiedAttributes = value ? List.of("email") : List.of();
      requiredAttributes = autoVerifiedAttributes;
      return this;
    }

    public Builder minimumLength(int value) {
      minimumLength = value;
      return this;
    }

    public Builder requireAllCharacterClasses(boolean value) {
      requireAllCharacterClasses = value;
      return this;
    }

    public Builder caseSensitive(boolean value) {
      caseSensitive = value;
      return this;
    }

    public Builder explicitAuthFlows(List<String> value) {
      explicitAuthFlows = value;
      return this;
    }

    public Builder generateSecret(boolean value) {
      generateSecret = value;
      return this;
    }

    public Builder preventUserExistenceErrors(String value) {
      preventUserExistenceErrors = value;
      return this;
    }

    public Builder tokenValidity(int value) {
      tokenValidity = value;
      return this;
    }

    public PoolSpec build() {
      return new PoolSpec(
          poolName, usernameAttributes, autoVerifiedAttributes, requiredAttributes, minimumLength,
          requireAllCharacterClasses, caseSensitive, clientName, explicitAuthFlows, generateSecret,
          preventUserExistenceErrors, tokenValidity);
    }
  }
}
