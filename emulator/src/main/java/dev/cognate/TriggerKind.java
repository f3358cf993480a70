package dev.cognate;

/** The triggers Cognate runs, named as in a user pool's {@code LambdaConfig}. */
public enum TriggerKind {
  PRE_SIGN_UP("PreSignUp"),
  POST_CONFIRMATION("PostConfirmation"),
  PRE_TOKEN_GENERATION("PreTokenGeneration"),
  DEFINE_AUTH_CHALLENGE("DefineAuthChallenge"),
  CREATE_AUTH_CHALLENGE("CreateAuthChallenge"),
  VERIFY_AUTH_CHALLENGE_RESPONSE("VerifyAuthChallengeResponse");

  private final String lambdaConfigName;

  TriggerKind(String lambdaConfigName) {
    this.lambdaConfigName = lambdaConfigName;
  }

  /** The member of {@code LambdaConfig} this trigger stands for, and the name Cognito's error messages use. */
  public String lambdaConfigName() {
    return lambdaConfigName;
  }
}
