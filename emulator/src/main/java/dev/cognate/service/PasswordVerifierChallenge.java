package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.token.RefreshTokens;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * USER_SRP_AUTH and its PASSWORD_VERIFIER challenge: the client proves it knows the password without sending it.
 * InitiateAuth answers with the server's public value {@code B}, the user's salt and a random secret block; the
 * answer signs the block and a timestamp with the key only the right password derives. The server's secret
 * {@code b} stays in the session's state, which also names the verifier it was issued for, so that a password set
 * meanwhile retires the session.
 */
public final class PasswordVerifierChallenge implements ChallengeHandler {
  private static final String SECRET = "b";
  private static final String CLIENT_PUBLIC = "A";
  private static final String SERVER_PUBLIC = "B";
  private static final String VERIFIER = "verifier";
  private static final int MAX_SRP_A_DIGITS = 1024;
  private static final int SALT_BYTES = 16;
  // The client libraries write the day without padding; the hour is read with or without, as they differ there.
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM d H:mm:ss 'UTC' yyyy", Locale.ENGLISH);

  private final Users users;
  private final ChallengeSessions sessions;
  private final SignInLockout lockout;
  private final AfterPassword afterPassword;
  private final SecureRandom random;

  public PasswordVerifierChallenge(
      Users users,
      ChallengeSessions sessions,
      SignInLockout lockout,
      AfterPassword afterPassword, SecureRandom random) {
    this.random = random;
    this.users = users;
    this.sessions = sessions;
    this.lockout = lockout;
    this.afterPassword = afterPassword;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.PASSWORD_VERIFIER;
  }

  /**
   * InitiateAuth USER_SRP_AUTH: the PASSWORD_VERIFIER challenge for the user, refused as a password sign-in would
   * refuse them. A user who does not exist gets a decoy under PreventUserExistenceErrors ENABLED; so does one stored
   * before verifiers were kept, whose password is checked by a password flow first.
   */
  public SignInStep start(ClientInPool target, String username, String srpA) {
    BigInteger clientPublic = clientPublic(srpA);
    Optional<User> found = users.find(target.pool(), username);
    if (found.isEmpty()) {
      if (!target.client().preventUserExistenceErrors()) {
        throw Users.doesNotExist();
      }
      return decoy(target, username);
    }
    User user = found.get();
    Authenticator.requireMaySignIn(target, user);
    if (user.srpVerifier().isEmpty()) {
      return decoy(target, user.username());
    }
    SrpVerifier verifier = user.srpVerifier().get();
    BigInteger secret = SrpMath.secret(random);
    BigInteger serverPublic = SrpMath.serverPublic(verifier.verifier(), secret);
    Map<String, String> state =
        Map.of(
            SECRET, secret.toString(16),
            CLIENT_PUBLIC, clientPublic.toString(16),
            SERVER_PUBLIC, serverPublic.toString(16),
            VERIFIER, verifier.verifier().toString(16));
    return sessions.issueCarried(
        target,
        user,
        name(),
        session -> parameters(verifier.salt(), serverPublic, secretBlockOf(session), user.username()),
        state);
  }

  @Override
  public SignInStep respond(Answer answer) {
    Map<String, String> responses = answer.responses();
    String secretBlock = AuthFlows.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
    String signature = AuthFlows.required(responses, "PASSWORD_CLAIM_SIGNATURE");
    String timestamp = AuthFlows.required(responses, "TIMESTAMP");
    Map<String, String> state = answer.session().state();
    User user = answer.user();
    // A secret block from another exchange, or a password set since this one began, does not answer this session.
    if (!carries(responses, answer.session())
        || !user.srpVerifier().map(v -> v.verifier().toString(16)).equals(Optional.of(state.get(VERIFIER)))) {
      throw ChallengeSessions.invalid();
    }
    Authenticator.requireMaySignIn(answer.target(), user);
    lockout.requireUnlocked(user);
    if (!signedWithTheRightPassword(answer.target(), user, state, secretBlock, timestamp, signature)) {
      // The session is used up first, so that a wrong answer given twice at once is counted once.
      sessions.consume(answer.session());
      lockout.countFailure(user);
      throw CognitoException.notAuthorized(Authenticator.INCORRECT);
    }
    lockout.clearAfterSuccess(user);
    // Used up on its own, not in one transaction with what follows: tokens run the Pre token generation trigger, which
    // may call the emulator back to change this very user, and would wait on the locks such a transaction holds.
    sessions.consume(answer.session());
    return afterPassword.nextAfterChallenge(answer.target(), user.sub(), answer.issuer());
  }

  /** Refused as a known user's answer of the same shape is, up to the signature, which no answer to a decoy passes. */
  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    Map<String, String> responses = decoy.responses();
    AuthFlows.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
    AuthFlows.required(responses, "PASSWORD_CLAIM_SIGNATURE");
    AuthFlows.required(responses, "TIMESTAMP");
    if (!carries(responses, decoy.session())) {
      throw ChallengeSessions.invalid();
    }
    return ChallengeHandler.super.respondToDecoy(decoy, sessions);
  }

  private boolean carries(Map<String, String> responses, ChallengeSession session) {
    return sessionIn(responses).map(RefreshTokens::hash).equals(Optional.of(session.sessionHash()));
  }

  private static boolean signedWithTheRightPassword(
      ClientInPool target,
      User user,
      Map<String, String> state,
      String secretBlock,
      String timestamp,
      String signature) {
    byte[] claimed;
    byte[] block;
    try {
      TIMESTAMP.parse(timestamp);
      claimed = Base64.getDecoder().decode(signature);
      block = Base64.getDecoder().decode(secretBlock);
    } catch (DateTimeParseException | IllegalArgumentException malformed) {
      return false;
    }
    BigInteger clientPublic = new BigInteger(state.get(CLIENT_PUBLIC), 16);
    BigInteger serverPublic = new BigInteger(state.get(SERVER_PUBLIC), 16);
    BigInteger verifier = new BigInteger(state.get(VERIFIER), 16);
    BigInteger u = SrpMath.scrambler(clientPublic, serverPublic);
    BigInteger sharedSecret =
        SrpMath.serverSecret(clientPublic, verifier, u, new BigInteger(state.get(SECRET), 16));
    byte[] key = SrpMath.derivedKey(sharedSecret, u);
    byte[] expected = SrpMath.claimSignature(key, target.pool().id(), user.username(), block, timestamp);
    return MessageDigest.isEqual(expected, claimed);
  }

  /**
   * A challenge that looks like a real one (a salt that stays the same for the name, a {@code B} in the group, a
   * secret block) and that no answer passes.
   */
  private SignInStep decoy(ClientInPool target, String username) {
    byte[] salt = Arrays.copyOf(sessions.decoyBytes(target, username, "salt"), SALT_BYTES);
    BigInteger fakeVerifier = SrpMath.G.modPow(SrpMath.secret(random), SrpMath.N);
    BigInteger serverPublic = SrpMath.serverPublic(fakeVerifier, SrpMath.secret(random));
    String shown = sessions.decoyUsername(target, username);
    return sessions.issueCarriedDecoy(
        target,
        name(),
        username,
        session -> parameters(new BigInteger(1, salt), serverPublic, secretBlockOf(session), shown));
  }

  private static Map<String, String> parameters(
      BigInteger salt, BigInteger serverPublic, String secretBlock, String userIdForSrp) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("SALT", salt.toString(16));
    parameters.put("SECRET_BLOCK", secretBlock);
    parameters.put("SRP_B", serverPublic.toString(16));
    parameters.put("USERNAME", userIdForSrp);
    parameters.put("USER_ID_FOR_SRP", userIdForSrp);
    return parameters;
  }

  /**
   * Cognito's secret block is an opaque blob that carries the exchange, so that the answer needs no Session; the
   * session's own bytes are one.
   */
  private static String secretBlockOf(String session) {
    return Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(session));
  }

  @Override
  public Optional<String> sessionIn(Map<String, String> responses) {
    String secretBlock = responses.get("PASSWORD_CLAIM_SECRET_BLOCK");
    if (secretBlock == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(secretBlock)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /**
   * {@code SRP_A} as a number; one that is 0 modulo N would let any client know the shared secret. A client's A is
   * below N (768 hex digits); a longer one is refused before it is parsed, which costs time that grows with the
   * square of its length.
   */
  private static BigInteger clientPublic(String srpA) {
    if (srpA.length() > MAX_SRP_A_DIGITS) {
      throw CognitoException.invalidParameter("SRP_A is longer than " + MAX_SRP_A_DIGITS + " hexadecimal digits.");
    }
    BigInteger value;
    try {
      value = new BigInteger(srpA, 16);
    } catch (NumberFormatException notHex) {
      throw CognitoException.invalidParameter("SRP_A is not a valid hexadecimal number.");
    }
    if (value.signum() < 0 || value.mod(SrpMath.N).signum() == 0) {
      throw CognitoException.invalidParameter("SRP_A cannot be 0 mod N.");
    }
    return value;
  }
}
