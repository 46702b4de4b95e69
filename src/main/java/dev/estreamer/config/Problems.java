package dev.estreamer.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects configuration problems so one run reports all of them. */
final class Problems {
    // a set: a section read twice (notes, then records) must not report the same problem twice
    private final Set<String> list = new LinkedHashSet<>();

    void add(String path, String message) {
        list.add((path.isEmpty() ? "(top level)" : path) + ": " + message);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<String> list() {
        return List.copyOf(list);
    }
}
