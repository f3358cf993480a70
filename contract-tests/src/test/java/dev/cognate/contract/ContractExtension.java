package dev.cognate.contract;

import dev.cognate.Cognate;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves the run's one {@link Target}, hands it to test methods, and closes it (deleting what the run created)
 * when the whole run ends. A target that cannot run here (AWS without credentials) skips each case with the
 * reason, so the parity report shows every case.
 */
final class ContractExtension implements ExecutionCondition, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContractExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("cases decide one by one");
    }
    Targets.Resolved resolved = resolved(context);
    return resolved.target().isPresent()
        ? ConditionEvaluationResult.enabled("target " + resolved.target().get().name())
        : ConditionEvaluationResult.disabled(resolved.reason());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Target.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return resolved(context).target().orElseThrow();
  }

  private static Targets.Resolved resolved(ExtensionContext context) {
    Cognate emulator = ContractCase.emulator;
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("target", key -> Targets.resolve(emulator), Targets.Resolved.class);
  }
}
