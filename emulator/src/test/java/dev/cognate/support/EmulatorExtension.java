package dev.cognate.support;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** An emulator and an SDK client for one test class (static field) or one test (instance field), then closed. */
public final class EmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AutoCloseable {
  private final Cognate cognate;
  private final CognitoIdentityProviderClient cognito;
  private boolean closeScheduled;

  private EmulatorExtension(Cognate cognate) {
    this.cognate = cognate;
    this.cognito = TestEmulator.client(cognate);
  }

  /** Starts at once, so that a test class can keep the emulator and its client in final fields. */
  public static EmulatorExtension start() {
    return start(CognateConfig.forTests());
  }

  public static EmulatorExtension start(CognateConfig.Builder config) {
    return new EmulatorExtension(TestEmulator.start(config));
  }

  public Cognate cognate() {
    return cognate;
  }

  public CognitoIdentityProviderClient cognito() {
    return cognito;
  }

  // A static field is called back before all tests and an instance field only before its test: whichever comes
  // first is the scope whose store closes the emulator when it ends.
  @Override
  public void beforeAll(ExtensionContext context) {
    closeWith(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    closeWith(context);
  }

  private void closeWith(ExtensionContext context) {
    if (!closeScheduled) {
      closeScheduled = true;
      context.getStore(ExtensionContext.Namespace.create(EmulatorExtension.class)).put(this, this);
    }
  }

  @Override
  public void close() {
    try {
      cognito.close();
    } finally {
      cognate.close();
    }
  }
}
