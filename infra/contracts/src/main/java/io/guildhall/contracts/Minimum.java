package io.guildhall.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The least value of a numeric event field: the schema's {@code minimum} (or {@code exclusiveMinimum}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Minimum {
    long value();

    /** Whether the value itself is excluded ({@code exclusiveMinimum}). */
    boolean exclusive() default false;
}
