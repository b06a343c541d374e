package io.guildhall.support.web;

import io.guildhall.support.web.InvalidFieldException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A request checked as a whole: its bean-validation constraints and the domain's rules across its fields, every
 * broken one named in one 400 answer, in the order of the request's fields. {@code @Valid} would answer the
 * constraints alone and the rules only once those pass, so a form with a blank title and an end before its start
 * would take two submits.
 */
public final class RequestValidation {

    private final Validator validator;

    public RequestValidation(Validator validator) {
        this.validator = validator;
    }

    /** Throws naming the request's constraint violations and {@code ruleProblems} together, if there are any. */
    public void check(Object request, List<FieldProblem> ruleProblems) {
        List<FieldProblem> problems = new ArrayList<>(constraintProblems(request));
        for (FieldProblem rule : ruleProblems) {
            if (problems.stream().noneMatch(p -> p.field().equals(rule.field()))) {
                problems.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            List<String> order = request.getClass().isRecord()
                    ? Arrays.stream(request.getClass().getRecordComponents()).map(RecordComponent::getName).toList()
                    : List.of();
            problems.sort(Comparator.comparingInt(p -> {
                int index = order.indexOf(p.field().split("[.\\[]")[0]);
                return index < 0 ? Integer.MAX_VALUE : index;
            }));
            throw new InvalidFieldException(problems);
        }
    }

    List<FieldProblem> constraintProblems(Object request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        return problems;
    }
}
