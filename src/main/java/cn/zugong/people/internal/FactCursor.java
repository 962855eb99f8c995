package cn.zugong.people.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A forward-only cursor over yearly facts ordered like the people query, so the export merges them
 * person by person: one query per fact table for the whole scope, never one per person.
 */
final class FactCursor implements AutoCloseable {

    record Fact(long personId, int year, String kind, String text) {
    }

    private final Stream<Fact> stream;
    private final Iterator<Fact> iterator;
    private Fact head;

    FactCursor(Stream<Fact> stream) {
        this.stream = stream;
        this.iterator = stream.iterator();
        this.head = iterator.hasNext() ? iterator.next() : null;
    }

    /** The facts of this person; the cursor must be at them (same ordering as the people query). */
    List<Fact> take(long personId) {
        List<Fact> facts = new ArrayList<>(4);
        while (head != null && head.personId() == personId) {
            facts.add(head);
            head = iterator.hasNext() ? iterator.next() : null;
        }
        return facts;
    }

    @Override
    public void close() {
        stream.close();
    }
}
