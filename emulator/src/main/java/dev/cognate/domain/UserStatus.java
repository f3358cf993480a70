package dev.cognate.domain;

/** The user states Cognito reports; Cognate reaches UNCONFIRMED and CONFIRMED so far. */
public enum UserStatus {
  UNCONFIRMED,
  CONFIRMED,
  ARCHIVED,
  COMPROMISED,
  UNKNOWN,
  RESET_REQUIRED,
  FORCE_CHANGE_PASSWORD,
  EXTERNAL_PROVIDER
}
