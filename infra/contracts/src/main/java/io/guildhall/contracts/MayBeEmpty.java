package io.guildhall.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A required free-text {@code String} event field that may be empty. Without it, a required text field (no format,
 * no {@link EnumValues}, no {@link Pattern}) has {@code minLength} 1 in its schema: an id or a name is never "".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MayBeEmpty {
}
