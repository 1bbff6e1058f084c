package dev.forgeflow.orchestrator.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a setting's value must look like, in words a person can act on, such as {@code "seconds
 * between 1 and 600, such as 60"}: the end of the one line that refuses a wrong value at start-up.
 * One per settings record component, beside its default and its constraints.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Expected {
  String value();
}
