package dev.cognate.domain;

/** The AuthFlow values of InitiateAuth and AdminInitiateAuth. */
public enum AuthFlow {
  USER_SRP_AUTH,
  REFRESH_TOKEN_AUTH,
  REFRESH_TOKEN,
  CUSTOM_AUTH,
  ADMIN_NO_SRP_AUTH,
  USER_PASSWORD_AUTH,
  ADMIN_USER_PASSWORD_AUTH,
  USER_AUTH
}
