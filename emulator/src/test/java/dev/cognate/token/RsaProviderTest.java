package dev.cognate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class RsaProviderTest {
  @Test
  @EnabledOnOs(OS.LINUX)
  @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
  void signsWithCorrettoWhereItsNativeLibraryExists() {
    assertEquals("AmazonCorrettoCryptoProvider", RsaProvider.signatures().map(Provider::getName).orElse("JDK"));
  }

  @Test
  void neverInstallsItsProviderInTheJvm() throws Exception {
    RsaProvider.keyFactory();
    assertNull(Security.getProvider("AmazonCorrettoCryptoProvider"));
  }

  @Test
  void tokensVerifyWithTheJdksOwnProvider() throws Exception {
    KeyPairGenerator generator = RsaProvider.keyPairGenerator();
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    SigningKey key = new SigningKey("kid-1", (RSAPublicKey) pair.getPublic(), pair.getPrivate());

    SignedJWT token = SignedJWT.parse(key.sign(new JWTClaimsSet.Builder().subject("alice").build()));

    assertEquals("kid-1", token.getHeader().getKeyID());
    assertTrue(token.verify(new RSASSAVerifier(key.publicJwk())));
    assertTrue(key.signed(token));
  }
}
