package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cognate.Cognate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A class nested in a {@code @CognateTest} class is part of it: same emulator, same settings. */
@CognateTest(fixedCode = "246810")
class NestedPerClassIT {
  static Cognate outer;

  @Test
  void theOuterClassHasItsEmulator(Cognate cognate) {
    assertSame(outer, cognate);
  }

  @Nested
  class Inner {
    @Test
    void usesTheOuterClassEmulator(Cognate cognate) {
      assertSame(outer, cognate);
      assertEquals("246810", cognate.config().fixedCode().orElseThrow());
    }
  }
}
