package io.guildhall.analytics.report;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Numbers for the people of one report, so that a group's people are a bit set: a quarter of a 10,000-person
 * organisation has some 100 groups with a set of people for the period and for each week, which as sets of strings
 * filled most of a 256 MB heap. Not thread-safe: one report builds and reads it.
 */
final class PersonIndex {

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    int numberOf(String personId) {
        Integer number = numbers.get(personId);
        if (number == null) {
            number = ids.size();
            numbers.put(personId, number);
            ids.add(personId);
        }
        return number;
    }

    String idOf(int number) {
        return ids.get(number);
    }

    /** The people whose numbers are set in {@code bits}, as a read-only set of ids (the bits are not copied). */
    Set people(BitSet bits) {
        return new Set(this, bits);
    }

    /** A read-only set of person ids over a bit set; {@link #containsAll} of another such set is a bit operation. */
    static final class Set extends AbstractSet<String> {

        private final PersonIndex index;
        private final BitSet bits;
        private final int size;

        private Set(PersonIndex index, BitSet bits) {
            this.index = index;
            this.bits = bits;
            this.size = bits.cardinality();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object person) {
            Integer number = person instanceof String id ? index.numbers.get(id) : null;
            return number != null && bits.get(number);
        }

        @Override
        public boolean containsAll(Collection<?> people) {
            if (people instanceof Set other && other.index == index) {
                BitSet outside = (BitSet) other.bits.clone();
                outside.andNot(bits);
                return outside.isEmpty();
            }
            return super.containsAll(people);
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next = bits.nextSetBit(0);

                @Override
                public boolean hasNext() {
                    return next >= 0;
                }

                @Override
                public String next() {
                    if (next < 0) {
                        throw new NoSuchElementException();
                    }
                    String id = index.ids.get(next);
                    next = bits.nextSetBit(next + 1);
                    return id;
                }
            };
        }
    }
}
