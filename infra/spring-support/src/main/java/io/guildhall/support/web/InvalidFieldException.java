package io.guildhall.support.web;

import java.util.List;

/**
 * Fields of the request break rules that bean validation cannot express: 400 problem details naming each field.
 * One field, or every one a rule checked at once ({@link #InvalidFieldException(List)}).
 */
public class InvalidFieldException extends RuntimeException {

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidFieldException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).message());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    /** The first field named. */
    public String field() {
        return problems.get(0).field();
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
