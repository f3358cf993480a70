package dev.cognate.junit;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.Location;
import dev.cognate.provision.TemplateSource;
import dev.cognate.EmulatorClock;
import dev.cognate.Limits;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.CognitoClients;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The JUnit 5 extension behind {@link CognateTest}: one in-process emulator per test class (or per JVM when
 * shared), kept in JUnit's store so JUnit closes it, and injection of the emulator, an SDK client pointed at it
 * and fresh pools. Register it declaratively with {@code @CognateTest}, or programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static CognateExtension cognate = CognateExtension.withConfig(c -> c.fixedCode("123456"));
 * }</pre>
 */
public final class CognateExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CognateExtension.class);

  private final Consumer<CognateConfig.Builder> customization;
  private final Optional<Boolean> shared;

  /** The declarative form: settings come from the class's {@link CognateTest}. */
  public CognateExtension() {
    this(builder -> {}, Optional.empty());
  }

  private CognateExtension(Consumer<CognateConfig.Builder> customization, Optional<Boolean> shared) {
    this.customization = customization;
    this.shared = shared;
  }

  /**
   * The programmatic form: starts from {@link CognateConfig#forTests()} (free port, in-memory) and applies
   * {@code customization}; one emulator per test class.
   */
  public static CognateExtension withConfig(Consumer<CognateConfig.Builder> customization) {
    return new CognateExtension(customization, Optional.of(false));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Running running = running(context, this);
    for (Field field : fields(context.getRequiredTestClass(), true)) {
      inject(field, null, running);
    }
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
    Running running = running(context, this);
    for (Field field : fields(instance.getClass(), false)) {
      inject(field, instance, running);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return injectable(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return value(
        parameter.getParameter().getType(),
        parameter.findAnnotation(PoolSettings.class).orElse(null),
        running(context, this));
  }

  private static boolean injectable(Class<?> type) {
    return type == Cognate.class
        || type == CognitoIdentityProviderClient.class
        || type == CognatePool.class
        || type == EmulatorClock.class;
  }

  private static Object value(Class<?> type, PoolSettings settings, Running running) {
    if (type == Cognate.class) {
      return running.cognate();
    }
    if (type == CognitoIdentityProviderClient.class) {
      return running.cognito();
    }
    if (type == EmulatorClock.class) {
      return running.cognate().clock();
    }
    return CognatePool.create(running.cognito(), PoolSettings.Specs.of(settings));
  }

  private static void inject(Field field, Object instance, Running running) throws IllegalAccessException {
    field.setAccessible(true);
    if (field.get(instance) == null) {
      field.set(instance, value(field.getType(), field.getAnnotation(PoolSettings.class), running));
    }
  }

  private static List<Field> fields(Class<?> type, boolean statics) {
    return ReflectionSupport.findFields(
        type,
        f -> injectable(f.getType())
            && Modifier.isStatic(f.getModifiers()) == statics
            && !Modifier.isFinal(f.getModifiers()),
        HierarchyTraversalMode.TOP_DOWN);
  }

  /**
   * The running emulator for this context: the JVM's shared one, or the test class's own, started on first use
   * and closed by JUnit with the store that holds it.
   */
  private static Running running(ExtensionContext context, CognateExtension extension) {
    // A @Nested class belongs to the class around it: it takes that class's settings and so its emulator.
    Optional<CognateTest> annotation =
        AnnotationSupport.findAnnotation(
            context.getRequiredTestClass(), CognateTest.class, context.getEnclosingTestClasses());
    boolean sharedPerJvm =
        extension.shared.isPresent()
            ? extension.shared.get()
            : annotation.map(CognateTest::sharedPerJvm).orElse(false);
    CognateConfig.Builder builder = CognateConfig.forTests();
    annotation.ifPresent(
        a -> {
          builder.region(a.region());
          if (!a.fixedCode().isEmpty()) {
            builder.fixedCode(a.fixedCode());
          }
          builder.limits(limits(a));
          for (String template : a.templates()) {
            builder.template(TemplateSource.parse(template));
          }
          for (String seed : a.seeds()) {
            builder.seed(new Location(seed));
          }
          if (a.randomSeed() != CognateTest.NO_SEED) {
            builder.randomSeed(a.randomSeed());
          }
        });
    extension.customization.accept(builder);
    CognateConfig config = builder.build();
    ExtensionContext owner = sharedPerJvm ? context.getRoot() : classContext(context);
    String key =
        sharedPerJvm
            ? "shared " + config.region() + " " + config.fixedCode().orElse("") + " " + config.limits() + " "
                + config.templates() + " " + config.seeds() + " "
                + config.randomSeed()
            : "class";
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> Running.start(config), Running.class);
  }

  private static Limits limits(CognateTest settings) {
    return new Limits(
        settings.lockoutAfter(),
        Duration.ofMillis(settings.lockoutBaseMillis()),
        Duration.ofMillis(settings.lockoutCapMillis()),
        settings.wrongCodesPerCode(),
        settings.codeSendsPerHour(),
        settings.codeChecksPerHour());
  }

  /** The context of the test class: a method's emulator belongs to its class, not to the method. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /**
   * An emulator and its SDK client, closed together; in strict mode the client signs with the first key pair. The
   * client is built on first use: building the SDK's first client costs a fresh JVM most of a second, which a class
   * that only takes the {@link Cognate} need not pay.
   */
  private static final class Running implements AutoCloseable {
    private final Cognate cognate;
    private CognitoIdentityProviderClient cognito;

    private Running(Cognate cognate) {
      this.cognate = cognate;
    }

    static Running start(CognateConfig config) {
      return new Running(Cognate.start(config));
    }

    Cognate cognate() {
      return cognate;
    }

    synchronized CognitoIdentityProviderClient cognito() {
      if (cognito == null) {
        CognateConfig config = cognate.config();
        cognito =
            config.credentials().entrySet().stream()
                .findFirst()
                .map(k -> CognitoClients.forEndpoint(cognate.endpoint(), config.region(), k.getKey(), k.getValue()))
                .orElseGet(() -> CognitoClients.forEndpoint(cognate.endpoint(), config.region()));
      }
      return cognito;
    }

    @Override
    public synchronized void close() {
      try {
        if (cognito != null) {
          cognito.close();
        }
      } finally {
        cognate.close();
      }
    }
  }
}
