package dev.kinetic.emulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that LocalOrgExtensionTest runs through the EngineTestKit (some are meant to fail): it is
 * skipped when a build runs it directly, e.g. when a -Dtest filter lifts surefire's exclusion of nested classes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OnlyThroughEngineTestKit.Condition.class)
@interface OnlyThroughEngineTestKit {
    /** The configuration parameter LocalOrgExtensionTest sets on its EngineTestKit runs. */
    String PARAMETER = "dev.kinetic.emulator.junit.cases";

    /** Enables the class only in a run that sets {@link #PARAMETER}. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by LocalOrgExtensionTest")
                    : ConditionEvaluationResult.disabled("run only by LocalOrgExtensionTest through the EngineTestKit");
        }
    }
}
