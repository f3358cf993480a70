package dev.cognate.protocol;

import dev.cognate.CognateConfig;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.protocol.SigV4Authorization.CredentialScope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) for service {@code cognito-idp} against known key
 * pairs: rebuilds the canonical request and string to sign from what arrived, derives the signing key and compares
 * signatures in constant time. Failures carry the codes and messages AWS answers with. Knows no HTTP library.
 */
final class SigV4Verifier {
  static final String SERVICE = "cognito-idp";
  static final String TERMINATOR = "aws4_request";
  static final Duration MAX_SKEW = Duration.ofMinutes(5);
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SCOPE_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private final Map<String, String> secrets;

  /** {@code secrets}: secret access key by access key id. */
  SigV4Verifier(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  /** The verified credential scope, or the {@link CognitoException} AWS would answer with. */
  CredentialScope verify(SignedRequest request, Instant now) {
    String header =
        request
            .header("authorization")
            .orElseThrow(
                () -> new CognitoException(
                    CognitoErrorType.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token"));
    SigV4Authorization authorization = SigV4Authorization.parse(header);
    Optional<String> date = request.header("x-amz-date").or(() -> request.header("date"));
    requireAllParts(header, authorization, date.isPresent());
    requireCovered(authorization);
    CredentialScope scope =
        authorization
            .scope()
            .orElseThrow(
                () -> incomplete(
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                        + " got '" + authorization.credential() + "'"));
    String secret = secrets.get(scope.accessKeyId());
    if (secret == null) {
      throw new CognitoException(
          CognitoErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }
    Instant signedAt = signingTime(request, date.get());
    String amzDate = AMZ_DATE.format(signedAt);
    checkScope(scope, signedAt, amzDate);
    checkSkew(signedAt, now);
    String expected = signature(secret, scope, amzDate, canonicalRequest(request, authorization.signedHeaders()));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        authorization.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw invalid(
          "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access"
              + " Key and signing method. Consult the service documentation for details.");
    }
    return scope;
  }

  private static void requireAllParts(String header, SigV4Authorization authorization, boolean dated) {
    StringBuilder missing = new StringBuilder();
    if (authorization.credential() == null) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (authorization.signature() == null) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (authorization.signedHeaders() == null) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (!dated) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (!missing.isEmpty()) {
      throw incomplete(missing + "Authorization=" + header);
    }
  }

  /** A signature that does not cover {@code host} could be sent to another endpoint; AWS refuses it too. */
  private static void requireCovered(SigV4Authorization authorization) {
    if (!authorization.covers("host")) {
      throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
  }

  /** X-Amz-Date in ISO-8601 basic format; a plain HTTP Date header when X-Amz-Date is absent. */
  private static Instant signingTime(SignedRequest request, String value) {
    try {
      if (request.header("x-amz-date").isPresent()) {
        return Instant.from(AMZ_DATE.parse(value));
      }
      return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value));
    } catch (DateTimeParseException e) {
      throw incomplete(
          "Date must be in ISO-8601 'basic format'. Got '" + value + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
  }

  private static void checkScope(CredentialScope scope, Instant signedAt, String amzDate) {
    if (!TERMINATOR.equals(scope.terminator())) {
      throw invalid(
          "Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '" + scope.terminator()
              + "'. ");
    }
    if (!SERVICE.equals(scope.service())) {
      throw invalid("Credential should be scoped to correct service: '" + SERVICE + "'. ");
    }
    if (!scope.region().matches(CognateConfig.REGION_PATTERN)) {
      throw invalid("Credential should be scoped to a valid region. ");
    }
    String day = SCOPE_DATE.format(signedAt);
    if (!day.equals(scope.date())) {
      throw invalid(
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
              + scope.date() + "' != '" + day + "', from '" + amzDate + "'.");
    }
  }

  private static void checkSkew(Instant signedAt, Instant now) {
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw invalid(
          "Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
              + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw invalid(
          "Signature not yet current: " + AMZ_DATE.format(signedAt) + " is still later than "
              + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 5 min.)");
    }
  }

  /** The lower-case hex signature of a canonical request. */
  static String signature(String secret, CredentialScope scope, String amzDate, String canonicalRequest) {
    String stringToSign =
        String.join(
            "\n", SigV4Authorization.ALGORITHM, amzDate, scope.value(), sha256Hex(bytes(canonicalRequest)));
    byte[] key = signingKey(secret, scope.date(), scope.region(), scope.service());
    return HEX.formatHex(hmac(key, stringToSign));
  }

  static byte[] signingKey(String secret, String date, String region, String service) {
    byte[] key = hmac(bytes("AWS4" + secret), date);
    key = hmac(key, region);
    key = hmac(key, service);
    return hmac(key, TERMINATOR);
  }

  /**
   * Method, path, query, the signed headers, their names and the body's hash, one a line. Paths are encoded a second
   * time over their wire form, as every AWS service but S3 expects.
   */
  static String canonicalRequest(SignedRequest request, String signedHeaders) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.method()).append('\n');
    canonical.append(encode(normalizePath(request.rawPath()), true)).append('\n');
    canonical.append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : signedHeaders.split(";")) {
      String lowerName = name.toLowerCase(Locale.ROOT);
      List<String> values = request.headers().getOrDefault(lowerName, List.of());
      canonical.append(lowerName).append(':');
      canonical.append(String.join(",", values.stream().map(SigV4Verifier::trimValue).toList()));
      canonical.append('\n');
    }
    canonical.append('\n').append(signedHeaders.toLowerCase(Locale.ROOT)).append('\n');
    canonical.append(sha256Hex(request.body()));
    return canonical.toString();
  }

  /** Drops {@code .} and {@code ..} segments; an empty path is {@code /}. */
  static String normalizePath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    String[] segments = rawPath.split("/", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 1; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      String segment = segments[i];
      if (segment.equals(".") || segment.equals("..")) {
        if (segment.equals("..") && !kept.isEmpty()) {
          kept.remove(kept.size() - 1);
        }
        if (last) {
          kept.add("");
        }
        continue;
      }
      kept.add(segment);
    }
    return "/" + String.join("/", kept);
  }

  /** Parameters decoded, re-encoded the strict SigV4 way, and sorted by name, then value. */
  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> parameters = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.add(new String[] {encode(decode(name), false), encode(decode(value), false)});
    }
    parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return String.join("&", parameters.stream().map(p -> p[0] + "=" + p[1]).toList());
  }

  private static String trimValue(String value) {
    return value.strip().replaceAll(" +", " ");
  }

  /** RFC 3986 encoding: everything but unreserved characters (and {@code /} in paths) as upper-case %XX. */
  static String encode(String value, boolean keepSlash) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
              || c == '-' || c == '_' || c == '.' || c == '~';
      if (unreserved || (keepSlash && c == '/')) {
        encoded.append(c);
      } else {
        encoded.append('%').append(UPPER_HEX.toHexDigits(b));
      }
    }
    return encoded.toString();
  }

  /** Percent-decoding only: a {@code +} stays a plus, as SigV4 clients encode a space as {@code %20}. */
  private static String decode(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
        out.write(HexFormat.fromHexDigits(value, i + 1, i + 3));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static String sha256Hex(byte[] data) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(bytes(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static CognitoException incomplete(String message) {
    return new CognitoException(CognitoErrorType.INCOMPLETE_SIGNATURE, message);
  }

  private static CognitoException invalid(String message) {
    return new CognitoException(CognitoErrorType.INVALID_SIGNATURE, message);
  }
}
