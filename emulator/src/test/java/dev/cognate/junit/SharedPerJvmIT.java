package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cognate.Cognate;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Test classes that ask to share get one emulator for the whole JVM, and so do the classes nested in them. */
class SharedPerJvmIT {
  private static final AtomicReference<URI> FIRST_SEEN = new AtomicReference<>();

  private static void sameAsAnyOther(Cognate cognate) {
    FIRST_SEEN.compareAndSet(null, cognate.endpoint());
    assertEquals(FIRST_SEEN.get(), cognate.endpoint());
  }

  @Nested
  @CognateTest(sharedPerJvm = true)
  class First {
    @Test
    void usesTheSharedEmulator(Cognate cognate) {
      sameAsAnyOther(cognate);
    }
  }

  @Nested
  @CognateTest(sharedPerJvm = true)
  class Second {
    @Test
    void usesTheSameEmulator(Cognate cognate) {
      sameAsAnyOther(cognate);
    }
  }

  @Nested
  @CognateTest(sharedPerJvm = true)
  class Outer {
    private Cognate outer;

    @Test
    void usesTheSharedEmulator(Cognate cognate) {
      sameAsAnyOther(cognate);
    }

    @Nested
    class Inner {
      @Test
      void usesTheOuterClassEmulator(Cognate cognate) {
        assertSame(outer, cognate);
        sameAsAnyOther(cognate);
      }
    }
  }
}
