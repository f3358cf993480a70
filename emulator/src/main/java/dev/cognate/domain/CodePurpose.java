package dev.cognate.domain;

/** Why a code was sent. An invitation's "code" is the temporary password it carries. */
public enum CodePurpose {
  SIGN_UP,
  FORGOT_PASSWORD,
  VERIFY_ATTRIBUTE,
  INVITATION,
  /** A sign-in's SMS or e-mail MFA code; it lives in the challenge session, not on the user. */
  MFA
}
