package dev.cognate.service;

import dev.cognate.domain.AuthFlow;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import java.util.Map;

/** Checks which flows an API and a client accept, then runs the flow, as InitiateAuth and AdminInitiateAuth share. */
public final class AuthFlows {
  private final Authenticator authenticator;
  private final PasswordVerifierChallenge srp;
  private final ChoiceSignIn choice;
  private final CustomChallenge custom;

  public AuthFlows(
      Authenticator authenticator, PasswordVerifierChallenge srp, ChoiceSignIn choice, CustomChallenge custom) {
    this.authenticator = authenticator;
    this.srp = srp;
    this.choice = choice;
    this.custom = custom;
  }

  /** Which API a flow was started through: admin flows belong to AdminInitiateAuth only, and the reverse. */
  public enum Api {
    CLIENT,
    ADMIN
  }

  public SignInStep start(
      Api api, ClientInPool target, AuthFlow flow, Map<String, String> parameters, String issuer) {
    if (!supportedBy(api, flow)) {
      throw CognitoException.invalidParameter("Initiate Auth method not supported.");
    }
    if (!target.client().allows(flow)) {
      throw CognitoException.invalidParameter(notEnabled(flow));
    }
    Map<String, String> params = parameters == null ? Map.of() : parameters;
    return switch (flow) {
      case USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH -> {
        String username = required(params, "USERNAME");
        String password = required(params, "PASSWORD");
        SecretHash.verify(target.client(), username, params.get("SECRET_HASH"));
        yield authenticator.withPassword(target, username, password, issuer);
      }
      case REFRESH_TOKEN_AUTH, REFRESH_TOKEN ->
          authenticator.withRefreshToken(
              target, required(params, "REFRESH_TOKEN"), params.get("SECRET_HASH"), issuer);
      case USER_SRP_AUTH -> {
        String username = required(params, "USERNAME");
        String srpA = required(params, "SRP_A");
        SecretHash.verify(target.client(), username, params.get("SECRET_HASH"));
        yield srp.start(target, username, srpA);
      }
      case USER_AUTH -> choice.start(target, params, issuer);
      case CUSTOM_AUTH ->
          custom.start(target, required(params, "USERNAME"), params.get("SECRET_HASH"), issuer);
    };
  }

  private static boolean supportedBy(Api api, AuthFlow flow) {
    return switch (flow) {
      case ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH -> api == Api.ADMIN;
      case USER_PASSWORD_AUTH -> api == Api.CLIENT;
      default -> true;
    };
  }

  private static String notEnabled(AuthFlow flow) {
    return switch (flow) {
      case USER_PASSWORD_AUTH -> "USER_PASSWORD_AUTH flow not enabled for this client";
      case ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH -> "Auth flow not enabled for this client";
      case REFRESH_TOKEN_AUTH, REFRESH_TOKEN -> "Refresh Token flow not enabled for this client";
      case USER_SRP_AUTH -> "USER_SRP_AUTH is not enabled for the client.";
      case CUSTOM_AUTH -> "Custom auth flow not enabled for this client";
      case USER_AUTH -> "USER_AUTH flow not enabled for this client";
    };
  }

  /** The named parameter, or Cognito's {@code Missing required parameter <name>}. */
  static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null) {
      throw CognitoException.invalidParameter("Missing required parameter " + name);
    }
    return value;
  }
}
