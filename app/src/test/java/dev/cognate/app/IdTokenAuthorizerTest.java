package dev.cognate.app;

import dev.cognate.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The COGNITO_USER_POOLS authorizer emulation against a pool of our own keys, served from a local JWKS. */
class IdTokenAuthorizerTest {
  private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1";
  private static final String CLIENT = "7example23456789abcdefghij";
  // 2024-05-01T12:10:22Z, one hour before the tokens' exp.
  private static final Instant ISSUED = Instant.ofEpochSecond(1714565422L);
  private static final Instant EXPIRES = ISSUED.plus(Duration.ofHours(1));

  private static RSAKey idKey;
  private static RSAKey accessKey;
  private static RSAKey strangerKey;
  private static JwksServer jwks;

  private MutableClock clock;
  private IdTokenAuthorizer authorizer;

  @BeforeAll
  static void keys() throws Exception {
    idKey = new RSAKeyGenerator(2048).keyID("id-key").algorithm(JWSAlgorithm.RS256).generate();
    accessKey = new RSAKeyGenerator(2048).keyID("access-key").algorithm(JWSAlgorithm.RS256).generate();
    strangerKey = new RSAKeyGenerator(2048).keyID("id-key").generate();
    jwks = new JwksServer().publish(new JWKSet(List.of(idKey, accessKey)));
  }

  @AfterAll
  static void stop() {
    jwks.close();
  }

  @BeforeEach
  void authorizer() {
    clock = new MutableClock(ISSUED.plus(Duration.ofMinutes(5)));
    authorizer = new IdTokenAuthorizer(ISSUER, CLIENT, new PoolKeys(jwks.uri(), clock), clock);
  }

  @Test
  void aGenuineIdTokenPassesRawOrAsBearerWithItsClaimsFlattened() throws Exception {
    String token = sign(idKey, idClaims().build());
    for (String header : List.of(token, "Bearer " + token, "bearer " + token, "  Bearer   " + token + "  ")) {
      IdTokenAuthorizer.Decision decision = authorizer.authorize(header);
      assertNull(decision.refusal(), header);
      Map<String, String> claims = decision.claims().orElseThrow();
      assertEquals("alice@example.com", claims.get("email"));
      assertEquals("alice", claims.get("cognito:username"));
      assertEquals("true", claims.get("email_verified"));
      assertEquals("id", claims.get("token_use"));
      assertEquals(CLIENT, claims.get("aud"));
      assertEquals(ISSUER, claims.get("iss"));
      assertEquals("1714565422", claims.get("auth_time"));
      assertEquals("Wed May 01 13:10:22 UTC 2024", claims.get("exp"));
      assertEquals("Wed May 01 12:10:22 UTC 2024", claims.get("iat"));
    }
  }

  @Test
  void noHeaderOrAnEmptyOneIsUnauthorized() {
    assertUnauthorized(authorizer.authorize(null));
    assertUnauthorized(authorizer.authorize(""));
    assertUnauthorized(authorizer.authorize("   "));
    assertUnauthorized(authorizer.authorize("Bearer "));
    assertUnauthorized(authorizer.authorize("Basic YWxpY2U6c2VjcmV0"));
    assertUnauthorized(authorizer.authorize("not.a.jwt"));
  }

  @Test
  void anAccessTokenIsUnauthorized() throws Exception {
    JWTClaimsSet access =
        new JWTClaimsSet.Builder()
            .subject("sub-1")
            .issuer(ISSUER)
            .claim("client_id", CLIENT)
            .claim("token_use", "access")
            .claim("scope", "aws.cognito.signin.user.admin")
            .claim("username", "alice")
            .issueTime(Date.from(ISSUED))
            .expirationTime(Date.from(EXPIRES))
            .build();
    assertUnauthorized(authorizer.authorize(sign(accessKey, access)));
    // Even with an aud, an access token is not an ID token.
    assertUnauthorized(authorizer.authorize(sign(accessKey, idClaims().claim("token_use", "access").build())));
  }

  @Test
  void claimsOfAnotherPoolOrClientAreUnauthorized() throws Exception {
    assertUnauthorized(authorizer.authorize(sign(idKey, idClaims().issuer(ISSUER + "x").build())));
    assertUnauthorized(
        authorizer.authorize(sign(idKey, idClaims().issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other").build())));
    assertUnauthorized(authorizer.authorize(sign(idKey, idClaims().audience("another-client").build())));
    assertUnauthorized(authorizer.authorize(sign(idKey, idClaims().audience((String) null).build())));
    assertUnauthorized(authorizer.authorize(sign(idKey, idClaims().claim("token_use", null).build())));
    assertUnauthorized(authorizer.authorize(sign(idKey, idClaims().expirationTime(null).build())));
  }

  @Test
  void aForeignKeyWithTheSameKidIsUnauthorized() throws Exception {
    assertUnauthorized(authorizer.authorize(sign(strangerKey, idClaims().build())));
  }

  @Test
  void anUnknownKidOrNoKidIsUnauthorized() throws Exception {
    RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
    assertUnauthorized(authorizer.authorize(sign(unknown, idClaims().build())));
    SignedJWT noKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), idClaims().build());
    noKid.sign(new RSASSASigner(idKey));
    assertUnauthorized(authorizer.authorize(noKid.serialize()));
  }

  @Test
  void otherAlgorithmsAreUnauthorized() throws Exception {
    SignedJWT hs256 =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("id-key").build(), idClaims().build());
    hs256.sign(new MACSigner(idKey.toRSAPublicKey().getModulus().toByteArray()));
    assertUnauthorized(authorizer.authorize(hs256.serialize()));

    SignedJWT rs512 =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("id-key").build(), idClaims().build());
    rs512.sign(new RSASSASigner(idKey));
    assertUnauthorized(authorizer.authorize(rs512.serialize()));

    assertUnauthorized(authorizer.authorize(new PlainJWT(idClaims().build()).serialize()));
    String none =
        Base64URL.encode("{\"alg\":\"none\",\"kid\":\"id-key\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64URL.encode(idClaims().build().toString().getBytes(StandardCharsets.UTF_8))
            + ".";
    assertUnauthorized(authorizer.authorize(none));
  }

  @Test
  void aTamperedPayloadIsUnauthorized() throws Exception {
    String[] parts = sign(idKey, idClaims().build()).split("\\.");
    String payload =
        Base64URL.encode(idClaims().claim("email", "mallory@example.com").build().toString().getBytes(StandardCharsets.UTF_8))
            .toString();
    assertUnauthorized(authorizer.authorize(parts[0] + "." + payload + "." + parts[2]));
  }

  @Test
  void anExpiredTokenSaysSoFromItsExpOn() throws Exception {
    String token = sign(idKey, idClaims().build());
    clock.advance(Duration.between(clock.instant(), EXPIRES).minusSeconds(1));
    assertTrue(authorizer.authorize(token).claims().isPresent(), "valid until the last second");
    clock.advance(Duration.ofSeconds(1));
    IdTokenAuthorizer.Decision atExp = authorizer.authorize(token);
    assertTrue(atExp.claims().isEmpty());
    assertEquals(ApiResponse.of(401, "message", "The incoming token has expired"), atExp.refusal());
    clock.advance(Duration.ofDays(3));
    assertEquals(IdTokenAuthorizer.EXPIRED, authorizer.authorize("Bearer " + token).refusal());
  }

  @Test
  void anExpiredTokenWithAForeignSignatureIsUnauthorizedNotExpired() throws Exception {
    clock.advance(Duration.ofHours(2));
    assertUnauthorized(authorizer.authorize(sign(strangerKey, idClaims().build())));
  }

  @Test
  void flatteningWritesDatesAsJavaDatesInUtcBooleansAndNumbersAsText() throws Exception {
    JWTClaimsSet claims =
        JWTClaimsSet.parse(
            """
            {"sub":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","email_verified":true,"iss":"%s",
             "cognito:username":"alice","origin_jti":"o-1","aud":"%s","event_id":"e-1","token_use":"id",
             "auth_time":1714565422,"exp":1714569022,"iat":1714565422,"jti":"j-1","email":"alice@example.com",
             "custom:age":"42","nbf":1704067200,"score":7.5}
            """
                .formatted(ISSUER, CLIENT));
    Map<String, String> flat = IdTokenAuthorizer.flatten(claims);
    assertEquals("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", flat.get("sub"));
    assertEquals("true", flat.get("email_verified"));
    assertEquals(ISSUER, flat.get("iss"));
    assertEquals("alice", flat.get("cognito:username"));
    assertEquals(CLIENT, flat.get("aud"));
    assertEquals("id", flat.get("token_use"));
    assertEquals("1714565422", flat.get("auth_time"));
    assertEquals("Wed May 01 13:10:22 UTC 2024", flat.get("exp"));
    assertEquals("Wed May 01 12:10:22 UTC 2024", flat.get("iat"));
    assertEquals("Mon Jan 01 00:00:00 UTC 2024", flat.get("nbf"));
    assertEquals("alice@example.com", flat.get("email"));
    assertEquals("42", flat.get("custom:age"));
    assertEquals("7.5", flat.get("score"));
    assertEquals(claims.getClaims().keySet(), flat.keySet());
  }

  @Test
  void flatteningAnAudienceBuiltAsAListGivesTheClientId() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .audience(List.of(CLIENT))
            .expirationTime(new Date(1714569022000L))
            .claim("email_verified", Boolean.FALSE)
            .claim("count", 3L)
            .build();
    Map<String, String> flat = IdTokenAuthorizer.flatten(claims);
    assertEquals(CLIENT, flat.get("aud"));
    assertEquals("Wed May 01 13:10:22 UTC 2024", flat.get("exp"));
    assertEquals("false", flat.get("email_verified"));
    assertEquals("3", flat.get("count"));
  }

  private static JWTClaimsSet.Builder idClaims() {
    return new JWTClaimsSet.Builder()
        .subject("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        .claim("email_verified", true)
        .issuer(ISSUER)
        .claim("cognito:username", "alice")
        .audience(CLIENT)
        .claim("token_use", "id")
        .claim("auth_time", ISSUED.getEpochSecond())
        .expirationTime(Date.from(EXPIRES))
        .issueTime(Date.from(ISSUED))
        .jwtID("jti-1")
        .claim("email", "alice@example.com");
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static void assertUnauthorized(IdTokenAuthorizer.Decision decision) {
    assertTrue(decision.claims().isEmpty(), "no claims for a refused token");
    assertEquals(ApiResponse.of(401, "message", "Unauthorized"), decision.refusal());
  }
}
