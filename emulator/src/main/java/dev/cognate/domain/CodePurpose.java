package dev.cognate.domain;

/** Why a code was sent. */
public enum CodePurpose {
  SIGN_UP,
  FORGOT_PASSWORD,
  VERIFY_ATTRIBUTE
}
