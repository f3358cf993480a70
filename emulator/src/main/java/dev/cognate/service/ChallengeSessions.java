package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.storage.ChallengeStore;
import dev.cognate.token.RefreshTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Issues challenge sessions and opens them again when answered. A session string is long, random and opaque, as
 * Cognito's are; it is valid for the client's AuthSessionValidity minutes and completes a sign-in once.
 */
public final class ChallengeSessions {
  private static final String INVALID = "Invalid session for the user.";
  private static final String EXPIRED = "Invalid session for the user, session is expired.";
  // Cognito's sessions are encrypted blobs of several hundred characters; 192 random bytes give 256.
  private static final int SESSION_BYTES = 192;
  // An expired session is kept this long after it expired, so that answering it says "expired" whether or not another
  // sign-in has tidied up since; only a session older than that is forgotten and answered as unknown.
  private static final Duration EXPIRED_KEPT = Duration.ofDays(1);
  private static final String DECOY_USERNAME = "decoyFor";

  private final ChallengeStore store;
  private final int wrongAnswersPerSession;
  private final Clock clock;
  private final SecureRandom random;
  private final byte[] decoyKey = new byte[32];

  public ChallengeSessions(ChallengeStore store, int wrongAnswersPerSession, Clock clock, SecureRandom random) {
    this.random = random;
    this.store = store;
    this.wrongAnswersPerSession = wrongAnswersPerSession;
    this.clock = clock;
    random.nextBytes(decoyKey);
  }

  /** A challenge for the user, with the parameters the client sees and the state only its handler reads. */
  public SignInStep.Challenge issue(
      ClientInPool target, User user, ChallengeName name, Map<String, String> parameters, Map<String, String> state) {
    return new SignInStep.Challenge(name, store(target, user.sub(), name, state), parameters);
  }

  /**
   * A challenge answered without its Session, whose parameters carry the session instead (PASSWORD_VERIFIER's
   * SECRET_BLOCK, as on Cognito): {@code parametersOf} is given the session string, and no Session is returned.
   */
  public SignInStep.Challenge issueCarried(
      ClientInPool target,
      User user,
      ChallengeName name,
      Function<String, Map<String, String>> parametersOf,
      Map<String, String> state) {
    return new SignInStep.Challenge(name, null, parametersOf.apply(store(target, user.sub(), name, state)));
  }

  /** The decoy of {@link #issueCarried}, for a user who does not exist. */
  public SignInStep.Challenge issueCarriedDecoy(
      ClientInPool target, ChallengeName name, String username, Function<String, Map<String, String>> parametersOf) {
    return new SignInStep.Challenge(
        name, null, parametersOf.apply(store(target, null, name, decoyState(username, Map.of()))));
  }

  private String store(ClientInPool target, String userSub, ChallengeName name, Map<String, String> state) {
    Instant now = clock.instant();
    store.purgeExpired(now.minus(EXPIRED_KEPT));
    byte[] bytes = new byte[SESSION_BYTES];
    random.nextBytes(bytes);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.insert(
        new ChallengeSession(
            RefreshTokens.hash(session),
            target.pool().id(),
            target.client().clientId(),
            userSub,
            name,
            now.plus(Duration.ofMinutes(target.client().authSessionValidity())),
            state));
    return session;
  }

  /**
   * A challenge for a user who is not there (PreventUserExistenceErrors ENABLED): it looks like a real one and is
   * stored as one, without a user, so that it expires, is used up and counts wrong answers as a real one does; its
   * handler answers it ({@link ChallengeHandler#respondToDecoy}).
   */
  public SignInStep.Challenge issueDecoy(
      ClientInPool target, ChallengeName name, String username, Map<String, String> parameters) {
    return issueDecoy(target, name, username, parameters, Map.of());
  }

  /** {@link #issueDecoy} with state its handler reads, as a real challenge's. */
  public SignInStep.Challenge issueDecoy(
      ClientInPool target,
      ChallengeName name,
      String username,
      Map<String, String> parameters,
      Map<String, String> state) {
    return new SignInStep.Challenge(name, store(target, null, name, decoyState(username, state)), parameters);
  }

  private static Map<String, String> decoyState(String username, Map<String, String> state) {
    Map<String, String> kept = new HashMap<>(state);
    kept.put(DECOY_USERNAME, username);
    return kept;
  }

  /**
   * Whether USERNAME names the user a decoy was issued for: the name it was issued for or the username it showed, as a
   * real session's user may be named by any of their sign-in names.
   */
  public boolean decoyFor(ClientInPool target, ChallengeSession decoy, String username) {
    String issuedFor = issuedFor(decoy);
    UserPool pool = target.pool();
    // Compared as sign-in names are looked up: regardless of case where the pool's names are not case-sensitive.
    return pool.key(username).equals(pool.key(issuedFor))
        || pool.key(username).equals(pool.key(decoyUsername(target, issuedFor)));
  }

  /** The name a decoy was issued for, as the sign-in it stands for was started. */
  public static String issuedFor(ChallengeSession decoy) {
    return decoy.state().get(DECOY_USERNAME);
  }

  /**
   * The username a decoy shows for {@code name}: the name itself, unless the pool's sign-in names are e-mail addresses
   * or phone numbers, whose users' usernames are generated ids; then an id of that shape, the same at every attempt,
   * as a known user's is.
   */
  public String decoyUsername(ClientInPool target, String name) {
    UserPool pool = target.pool();
    if (!pool.emailIsUsername() && !pool.phoneIsUsername()) {
      return name;
    }
    ByteBuffer bytes = ByteBuffer.wrap(decoyBytes(target, name, "username"));
    // Shaped as a random (version 4) UUID, as generated usernames are.
    long high = (bytes.getLong() & ~0xf000L) | 0x4000L;
    long low = (bytes.getLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * 32 bytes that stand for what a known user has stored (a generated username, an SRP salt) in a decoy for
   * {@code name}: the same at every attempt, as a known user's are, and keyed by a secret of this process, so that
   * nobody can compute them. {@code purpose} keeps the uses apart.
   */
  public byte[] decoyBytes(ClientInPool target, String name, String purpose) {
    UserPool pool = target.pool();
    return SrpMath.hmac(
        decoyKey, (purpose + "\n" + pool.id() + "\n" + pool.key(name)).getBytes(StandardCharsets.UTF_8));
  }

  /** The waiting sign-in behind {@code session}, if it was issued for this client and challenge and is still valid. */
  public ChallengeSession open(ClientInPool target, ChallengeName name, String session) {
    ChallengeSession waiting =
        store
            .find(RefreshTokens.hash(session))
            .filter(s -> s.clientId().equals(target.client().clientId()) && s.challenge() == name)
            .orElseThrow(ChallengeSessions::invalid);
    if (!clock.instant().isBefore(waiting.expiresAt())) {
      throw CognitoException.notAuthorized(EXPIRED);
    }
    return waiting;
  }

  /**
   * The waiting sign-in behind {@code session} for operations that carry a session but no client id
   * (AssociateSoftwareToken, VerifySoftwareToken during MFA_SETUP), if it waits for {@code name} and is still valid.
   */
  public ChallengeSession open(ChallengeName name, String session) {
    ChallengeSession waiting =
        store
            .find(RefreshTokens.hash(session))
            .filter(s -> s.challenge() == name)
            .orElseThrow(ChallengeSessions::invalid);
    if (!clock.instant().isBefore(waiting.expiresAt())) {
      throw CognitoException.notAuthorized(EXPIRED);
    }
    return waiting;
  }

  /**
   * Uses the session up; call it in the transaction of the change the answer completes, so that of two answers at
   * once only one commits.
   */
  public void consume(ChallengeSession session) {
    if (!store.consume(session.sessionHash())) {
      throw invalid();
    }
  }

  /**
   * Call before a code is compared: takes one of the {@code wrongAnswersPerSession} answers a session may have judged,
   * and refuses the answer as for a used-up session once all are taken. Counted before the comparison, not after a
   * wrong one, so that many guesses sent at once are not all compared before the count catches up; a six-digit code
   * cannot be guessed within one session.
   */
  public void claimAnswer(ChallengeSession session) {
    if (!store.claimAnswer(session.sessionHash(), wrongAnswersPerSession)) {
      throw invalid();
    }
  }

  public static CognitoException invalid() {
    return CognitoException.notAuthorized(INVALID);
  }
}
