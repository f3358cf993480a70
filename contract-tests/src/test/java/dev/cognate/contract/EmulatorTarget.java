package dev.cognate.contract;

import dev.cognate.Cognate;
import dev.cognate.testing.CognitoClients;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The in-process emulator the JUnit extension started; its outbox gives the codes. */
final class EmulatorTarget extends Target {
  private final Cognate cognate;
  private final CognitoIdentityProviderClient cognito;

  EmulatorTarget(Cognate cognate) {
    this.cognate = cognate;
    this.cognito = CognitoClients.forEndpoint(cognate.endpoint(), cognate.config().region());
  }

  @Override
  public String name() {
    return "emulator";
  }

  @Override
  public CognitoIdentityProviderClient cognito() {
    return cognito;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.READ_CODES);
  }

  @Override
  public Optional<URI> endpoint() {
    return Optional.of(cognate.endpoint());
  }

  @Override
  public String region() {
    return cognate.config().region();
  }

  @Override
  public Optional<String> lastCode(String userPoolId, String username) {
    return cognate.outbox().lastCode(userPoolId, username);
  }

  /** The pools live in the emulator's memory and go with it; there is nothing to delete. */
  @Override
  public void close() {
    cognito.close();
  }
}
