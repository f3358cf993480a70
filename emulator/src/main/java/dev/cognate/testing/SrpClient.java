package dev.cognate.testing;

import dev.cognate.service.SrpMath;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * The client side of Cognito's SRP ({@code USER_SRP_AUTH}), for Java tests: the AWS SDK for Java has none. It is
 * written the way the public client libraries do it: numbers travel as hex strings and are hashed as "padded hex"
 * (even length, "00" in front when the first digit is 8 or above). Apart from the group's prime it shares no code
 * with the emulator's SRP, so a test signing in with it checks both against the one description; it signs in to
 * real Cognito as well.
 */
public final class SrpClient {
  // The group is the published constant both sides share; everything computed from it is this class's own.
  public static final BigInteger N = SrpMath.N;
  public static final BigInteger G = BigInteger.TWO;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.ENGLISH);

  private final String poolName;
  private final BigInteger a;
  private final BigInteger bigA;

  /** A client for the pool, with a fresh random {@code a}. */
  public SrpClient(String userPoolId) {
    this(userPoolId, new BigInteger(1, randomBytes(128)).mod(N));
  }

  public SrpClient(String userPoolId, BigInteger a) {
    this.poolName = userPoolId.split("_", 2)[1];
    this.a = a;
    this.bigA = G.modPow(a, N);
  }

  /**
   * A whole SRP sign-in through the SDK, for a client without a secret: InitiateAuth {@code USER_SRP_AUTH}, then
   * the answer to its {@code PASSWORD_VERIFIER} challenge. The response holds the tokens, or the next challenge (a
   * new password, MFA); a wrong password throws {@code NotAuthorizedException} as on Cognito.
   */
  public static RespondToAuthChallengeResponse signIn(
      CognitoIdentityProviderClient cognito, String userPoolId, String clientId, String username, String password) {
    SrpClient srp = new SrpClient(userPoolId);
    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
    return cognito.respondToAuthChallenge(
        r -> r.clientId(clientId)
            .challengeName(challenge.challengeName())
            .session(challenge.session())
            .challengeResponses(srp.answer(challenge.challengeParameters(), password)));
  }

  /** {@code SRP_A} as sent in InitiateAuth's AuthParameters. */
  public String srpA() {
    return bigA.toString(16);
  }

  public static String k() {
    return hexHash(padHex(N) + padHex(G));
  }

  /** The ChallengeResponses answering a PASSWORD_VERIFIER challenge with {@code password}, signed at {@code at}. */
  public Map<String, String> answer(Map<String, String> challenge, String password, ZonedDateTime at) {
    String userId = challenge.get("USER_ID_FOR_SRP");
    String secretBlock = challenge.get("SECRET_BLOCK");
    String timestamp = at.withZoneSameInstant(ZoneOffset.UTC).format(TIMESTAMP);
    byte[] key = key(userId, password, new BigInteger(challenge.get("SRP_B"), 16), new BigInteger(challenge.get("SALT"), 16));
    String signature =
        Base64.getEncoder()
            .encodeToString(
                hmac(
                    key,
                    concat(
                        poolName.getBytes(StandardCharsets.UTF_8),
                        userId.getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(secretBlock),
                        timestamp.getBytes(StandardCharsets.UTF_8))));
    return Map.of(
        "USERNAME", challenge.get("USERNAME"),
        "PASSWORD_CLAIM_SECRET_BLOCK", secretBlock,
        "TIMESTAMP", timestamp,
        "PASSWORD_CLAIM_SIGNATURE", signature);
  }

  public Map<String, String> answer(Map<String, String> challenge, String password) {
    return answer(challenge, password, ZonedDateTime.now(ZoneOffset.UTC));
  }

  /** The derived key: {@code S = (B - k*g^x)^(a + u*x) mod N}, then HKDF. */
  public byte[] key(String userId, String password, BigInteger bigB, BigInteger salt) {
    BigInteger u = new BigInteger(hexHash(padHex(bigA) + padHex(bigB)), 16);
    String identityHash = hexHash(HexFormat.of().formatHex((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8)));
    BigInteger x = new BigInteger(hexHash(padHex(salt) + identityHash), 16);
    BigInteger k = new BigInteger(k(), 16);
    BigInteger s = bigB.subtract(k.multiply(G.modPow(x, N))).mod(N).modPow(a.add(u.multiply(x)), N);
    byte[] prk = hmac(HexFormat.of().parseHex(padHex(u)), HexFormat.of().parseHex(padHex(s)));
    byte[] okm = hmac(prk, concat("Caldera Derived Key".getBytes(StandardCharsets.UTF_8), new byte[] {1}));
    byte[] key = new byte[16];
    System.arraycopy(okm, 0, key, 0, 16);
    return key;
  }

  /** Hex of a non-negative number, even in length, with "00" in front when its first digit has the top bit set. */
  static String padHex(BigInteger value) {
    String hex = value.toString(16);
    if (hex.length() % 2 == 1) {
      hex = "0" + hex;
    } else if ("89abcdef".indexOf(hex.charAt(0)) >= 0) {
      hex = "00" + hex;
    }
    return hex;
  }

  /** SHA-256 of the bytes a hex string spells, as 64 hex digits. */
  static String hexHash(String hex) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(hex)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
