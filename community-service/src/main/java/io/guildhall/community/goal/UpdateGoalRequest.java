package io.guildhall.community.goal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Partial edit of a goal's definition; absent fields stay. The metric cannot change: set a new goal instead. */
public record UpdateGoalRequest(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
        @Size(max = 4000) String description,
        @Size(max = 40) String unit,
        @Digits(integer = 12, fraction = 2) BigDecimal baseline,
        @Digits(integer = 12, fraction = 2) BigDecimal target,
        LocalDate dueDate,
        @Size(max = 64) String ownerId) {
}
