package io.guildhall.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an event means (on the record) or what a field holds (on a record component), in the words consumers read:
 * the one place an event type is described. Its JSON Schema's {@code description}s and the AsyncAPI message's
 * summary are made from it ({@link EventSchemas}); the contract drift test fails when a published file says
 * otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface Description {
    String value();
}
