package io.guildhall.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an optional event field: it may be {@code null} (or absent from the JSON), so its schema property is not
 * {@code required} and its schema type admits {@code null}. Every other field is required and never null.
 * The contract drift test enforces this rule; docs/events.md explains it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
