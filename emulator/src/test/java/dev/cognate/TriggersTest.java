package dev.cognate;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggersTest {
  private final Trigger shared = event -> event;
  private final Trigger own = event -> event;

  @Test
  void aPoolsOwnTriggerReplacesTheSharedOneOfItsKindOnly() {
    Triggers triggers =
        CognateConfig.forTests()
            .trigger(TriggerKind.PRE_SIGN_UP, shared)
            .trigger(TriggerKind.DEFINE_AUTH_CHALLENGE, shared)
            .trigger("us-east-1_Own", TriggerKind.PRE_SIGN_UP, own)
            .build()
            .triggers();
    assertSame(own, triggers.find("us-east-1_Own", TriggerKind.PRE_SIGN_UP).orElseThrow());
    assertSame(shared, triggers.find("us-east-1_Own", TriggerKind.DEFINE_AUTH_CHALLENGE).orElseThrow());
    assertSame(shared, triggers.find("us-east-1_Other", TriggerKind.PRE_SIGN_UP).orElseThrow());
    assertTrue(triggers.find("us-east-1_Other", TriggerKind.POST_CONFIRMATION).isEmpty());
  }

  @Test
  void theBuiltConfigurationCannotBeChanged() {
    Triggers triggers = CognateConfig.forTests().trigger("us-east-1_Own", TriggerKind.PRE_SIGN_UP, own).build().triggers();
    assertThrows(UnsupportedOperationException.class, () -> triggers.forAllPools().put(TriggerKind.PRE_SIGN_UP, shared));
    assertThrows(UnsupportedOperationException.class, () -> triggers.byPool().put("us-east-1_X", Map.of()));
    assertThrows(
        UnsupportedOperationException.class,
        () -> triggers.byPool().get("us-east-1_Own").put(TriggerKind.POST_CONFIRMATION, shared));
    assertTrue(CognateConfig.forTests().build().triggers().forAllPools().isEmpty());
  }
}
