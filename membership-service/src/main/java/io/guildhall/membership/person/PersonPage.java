package io.guildhall.membership.person;

import java.util.List;

public record PersonPage(List<PersonView> items, int page, int size, long totalItems, long totalPages) {
}
