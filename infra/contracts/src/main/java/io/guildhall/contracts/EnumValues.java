package io.guildhall.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The allowed values of a {@code String} event field: the constant names of the given enum.
 * Events carry enums as plain strings so that a consumer on an older contracts version can still read them;
 * the schema lists the same values in {@code enum}, which the contract drift test checks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface EnumValues {
    Class<? extends Enum<?>> value();
}
