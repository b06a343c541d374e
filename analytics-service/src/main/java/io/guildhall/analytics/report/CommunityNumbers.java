package io.guildhall.analytics.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Small numbers for communities, 0, 1, 2, ... in the order they are first seen, so that a person's minutes per
 * community and a report's groups per community are arrays rather than maps keyed by id (hashing ids was a third of a
 * two-year oversight request at 10,000 people and 100 communities). A number never changes; thread-safe.
 */
final class CommunityNumbers {

    private final Map<UUID, Integer> numbers = new ConcurrentHashMap<>();
    private final List<UUID> ids = new CopyOnWriteArrayList<>();

    int numberOf(UUID id) {
        Integer number = numbers.get(id);
        return number != null ? number : add(id);
    }

    private synchronized int add(UUID id) {
        Integer number = numbers.get(id);
        if (number == null) {
            number = ids.size();
            ids.add(id);
            numbers.put(id, number);
        }
        return number;
    }

    UUID idOf(int number) {
        return ids.get(number);
    }

    /** How many communities have a number: every number is below it. */
    int size() {
        return ids.size();
    }
}
