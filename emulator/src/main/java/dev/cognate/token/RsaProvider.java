package dev.cognate.token;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider behind the pools' RSA keys and token signatures: the Amazon Corretto Crypto Provider (ACCP) when
 * it is on the class path and its native library loads on this platform, else the JDK's own. ACCP signs RS256 three
 * to four times as fast, but only with keys it made itself (a JDK key is converted at every signature), so the keys
 * are read and generated through the same provider that signs with them.
 *
 * <p>The provider is handed to our own KeyFactory, KeyPairGenerator and nimbus signer instances; it is never
 * installed in the JVM's provider list, so an application that embeds Cognate keeps its security configuration. ACCP
 * is looked up by name so that excluding the dependency (or running on an OS or architecture it has no native
 * library for) simply leaves the JDK in charge.
 */
final class RsaProvider {
  private static final Logger LOG = LoggerFactory.getLogger(RsaProvider.class);
  private static final String ACCP = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
  // Loaded at first use, normally on the key generator's background thread: unpacking and linking ACCP's native
  // library takes a few hundred milliseconds, which must not delay start-up or a request.
  private static final Optional<Provider> PROVIDER = load();

  private RsaProvider() {}

  /** The provider for signatures, or empty for the JDK's default choice. */
  static Optional<Provider> signatures() {
    return PROVIDER;
  }

  static KeyFactory keyFactory() throws NoSuchAlgorithmException {
    return PROVIDER.isPresent() ? KeyFactory.getInstance("RSA", PROVIDER.get()) : KeyFactory.getInstance("RSA");
  }

  static KeyPairGenerator keyPairGenerator() throws NoSuchAlgorithmException {
    return PROVIDER.isPresent()
        ? KeyPairGenerator.getInstance("RSA", PROVIDER.get())
        : KeyPairGenerator.getInstance("RSA");
  }

  private static Optional<Provider> load() {
    try {
      Class<?> type = Class.forName(ACCP);
      Provider accp = (Provider) type.getField("INSTANCE").get(null);
      // A provider whose native library failed to load still exists, and reports why here.
      Object loadingError = type.getMethod("getLoadingError").invoke(accp);
      if (loadingError != null) {
        return fallback("Amazon Corretto Crypto Provider unavailable here: " + loadingError);
      }
      type.getMethod("assertHealthy").invoke(accp);
      LOG.info("RSA signing: {}", accp);
      return Optional.of(accp);
    } catch (ClassNotFoundException e) {
      return fallback("Amazon Corretto Crypto Provider not on the class path");
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return fallback("Amazon Corretto Crypto Provider failed to load: " + cause);
    }
  }

  private static Optional<Provider> fallback(String reason) {
    LOG.info("RSA signing: JDK provider ({})", reason);
    return Optional.empty();
  }
}
