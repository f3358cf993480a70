package dev.cognate.protocol;

import dev.cognate.CognateConfig;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.protocol.SigV4Authorization.CredentialScope;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who a request acts as: the region its SigV4 credential scope names and the account its access key id names, as on
 * AWS, falling back to the configured ones. In strict mode it first verifies the signature of every operation AWS
 * signs; otherwise it reads the scope and trusts it, whatever the signature.
 */
final class SigV4Authenticator {
  // A pool id is the region, '_' and nine characters, and the model allows 55.
  private static final int MAX_REGION_LENGTH = 45;

  private final Optional<SigV4Verifier> verifier;
  private final Clock clock;
  private final String defaultRegion;
  private final String defaultAccountId;

  SigV4Authenticator(CognateConfig config) {
    this.verifier = config.strictSignatures() ? Optional.of(new SigV4Verifier(config.credentials())) : Optional.empty();
    this.clock = config.clock();
    this.defaultRegion = config.region();
    this.defaultAccountId = config.accountId();
  }

  /** The region and account a request acts in. */
  record Caller(String region, String accountId) {}

  Caller authenticate(String operation, Context ctx, byte[] body) {
    if (verifier.isPresent() && !UnsignedOperations.contains(operation)) {
      CredentialScope scope = verifier.get().verify(signedRequest(ctx.req(), body), clock.instant());
      // The operation travels in a header: a signature that does not cover it could be replayed, body and all, as
      // another operation.
      if (!SigV4Authorization.parse(ctx.header("Authorization")).covers("x-amz-target")) {
        throw new CognitoException(
            CognitoErrorType.INCOMPLETE_SIGNATURE, "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
      }
      return caller(scope);
    }
    return Optional.ofNullable(ctx.header("Authorization"))
        .flatMap(header -> SigV4Authorization.parse(header).scope())
        .map(this::caller)
        .orElseGet(() -> new Caller(defaultRegion, defaultAccountId));
  }

  /**
   * A region-shaped scope names the region; a 12-digit access key id is taken as the account id, the convention local
   * AWS emulators share so that one emulator can serve several accounts. Anything else falls back to the defaults.
   */
  private Caller caller(CredentialScope scope) {
    String region = isRegion(scope.region()) ? scope.region() : defaultRegion;
    String accountId = scope.accessKeyId().matches("\\d{12}") ? scope.accessKeyId() : defaultAccountId;
    return new Caller(region, accountId);
  }

  /** Region-shaped, and short enough that a pool id made from it stays within the model's 55 characters. */
  private static boolean isRegion(String name) {
    return name.length() <= MAX_REGION_LENGTH && name.matches(CognateConfig.REGION_PATTERN);
  }

  private static SignedRequest signedRequest(HttpServletRequest request, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      // The servlet API looks a header up without regard to case, so a name seen twice in two spellings counts once.
      headers.putIfAbsent(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
    }
    return new SignedRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers, body);
  }
}
