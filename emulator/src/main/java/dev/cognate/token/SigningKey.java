package dev.cognate.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * One RSA key of a pool, with its signer, verifier and token header made once: nimbus's signer built from a JWK
 * would rebuild the private key at every signature.
 */
public final class SigningKey {
  private final String kid;
  private final RSAKey publicJwk;
  private final JWSHeader header;
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;

  SigningKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey) {
    this.kid = kid;
    this.publicJwk =
        new RSAKey.Builder(publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
    this.header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    // Both create a fresh java.security.Signature per use, so one instance serves every thread.
    this.signer = new RSASSASigner(privateKey);
    this.verifier = new RSASSAVerifier(publicKey);
    RsaProvider.signatures()
        .ifPresent(
            provider -> {
              signer.getJCAContext().setProvider(provider);
              verifier.getJCAContext().setProvider(provider);
            });
  }

  public String kid() {
    return kid;
  }

  /** The public half only, as JWKS publishes it. */
  public RSAKey publicJwk() {
    return publicJwk;
  }

  /** The compact serialisation of an RS256 JWT with these claims. */
  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** Whether this key signed {@code jwt}. */
  public boolean signed(SignedJWT jwt) throws JOSEException {
    return kid.equals(jwt.getHeader().getKeyID()) && jwt.verify(verifier);
  }
}
