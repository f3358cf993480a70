package dev.cognate.contract;

import dev.cognate.Cognate;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves the run's one {@link Target}, hands it to test methods, and closes it (deleting what the run created)
 * when the whole run ends. A target named but unable to run here (AWS without credentials) fails each case with
 * the reason, so the build fails rather than passing with every case skipped.
 */
final class ContractExtension implements ExecutionCondition, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContractExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("cases decide one by one");
    }
    return ConditionEvaluationResult.enabled("target " + resolved(context).get().name());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Target.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return resolved(context).get();
  }

  private static Targets.Resolved resolved(ExtensionContext context) {
    Cognate emulator = ContractCase.emulator;
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("target", key -> Targets.resolve(emulator), Targets.Resolved.class);
  }
}
