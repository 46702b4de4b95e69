package dev.estreamer.enrich;

import dev.estreamer.record.FieldNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The computed fields of one record type, as a list of rules of at most two inputs each. Where the inputs sit
 * is resolved once per layout ({@link Layout}), which reads them and remembers the answers for input values
 * it has seen; a miss runs the rules. Lookups also remember their last key and answer while the cache's
 * {@link MetadataCache#version() version} stands still.
 */
final class View {
    private final Rule[] rules;

    View(List<Rule> rules) {
        this.rules = rules.toArray(new Rule[0]);
    }

    /** Inputs this view reads: two per rule (an absent second input is always null). */
    int inputCount() {
        return rules.length * 2;
    }

    /**
     * Where this view's inputs sit in one layout, written to {@code pos} (-1 = absent) and {@code sub} (a path
     * inside a block, or null) from {@code offset}.
     */
    void bind(FieldNames names, int[] pos, String[] sub, int offset) {
        for (int r = 0; r < rules.length; r++) {
            String[] inputs = rules[r].inputs();
            for (int k = 0; k < 2; k++) {
                int at = offset + 2 * r + k;
                pos[at] = -1;
                sub[at] = null;
                if (k < inputs.length) {
                    String input = inputs[k];
                    int dot = input.indexOf('.');
                    pos[at] = names.indexOf(dot < 0 ? input : input.substring(0, dot));
                    sub[at] = dot < 0 ? null : input.substring(dot + 1);
                }
            }
        }
    }

    /**
     * Applies every rule to inputs already read: rule r's are {@code inputs[slots[offset + 2r]]} and the next
     * ({@code slots} holds -1 for an input absent from the layout).
     */
    void apply(Object[] inputs, int[] slots, int offset, Computed out) {
        Rule[] rs = rules;
        for (int r = 0, k = offset; r < rs.length; r++, k += 2) {
            int a = slots[k];
            int b = slots[k + 1];
            rs[r].apply(a < 0 ? null : inputs[a], b < 0 ? null : inputs[b], out);
        }
    }

    /** Builds the rule list of a view against one cache's live tables. */
    static final class Builder {
        private final MetadataCache cache;
        private final List<Rule> rules = new ArrayList<>();

        Builder(MetadataCache cache) {
            this.cache = cache;
        }

        View build() {
            return new View(rules);
        }

        Builder rule(Rule rule) {
            rules.add(rule);
            return this;
        }

        /** {@code out = table[field]}. */
        Builder lookup(String out, String table, String field) {
            return rule(new Lookup(cache, out, table, null, field));
        }

        /** {@code out = table[field1][field2]}. */
        Builder lookup(String out, String table, String field1, String field2) {
            return rule(new Lookup(cache, out, table, null, field1, field2));
        }

        /** {@code out = table[field][part]} for tables whose values are name maps. */
        Builder part(String out, String table, String field, String part) {
            return rule(new Lookup(cache, out, table, part, field));
        }
    }

    /**
     * {@code table[a]}, {@code table[a][b]} (a name, or a signature id, never a nested table leaking out as a
     * value) or {@code table[a][part]}, remembering the last answer.
     */
    static final class Lookup implements Rule {
        private final MetadataCache cache;
        private final Map<Object, Object> table;
        private final String out;
        private final String part;
        private final String[] inputs;
        private final boolean twoKeys;
        private final boolean awaited;
        private Object lastA;
        private Object lastB;
        private Object lastValue;
        private long version = -1;

        Lookup(MetadataCache cache, String out, String table, String part, String... inputs) {
            this.cache = cache;
            this.table = cache.table(table);
            this.out = out;
            this.part = part;
            this.inputs = inputs;
            this.twoKeys = inputs.length == 2;
            this.awaited = Tables.AWAITED.contains(table);
        }

        @Override
        public String[] inputs() {
            return inputs;
        }

        @Override
        public void apply(Object a, Object b, Computed c) {
            if (a == null || twoKeys && b == null) {
                return;
            }
            long v = cache.version();
            if (v != version || !a.equals(lastA) || twoKeys && !b.equals(lastB)) {
                lastValue = resolve(a, b);
                lastA = a;
                lastB = b;
                version = v;
            }
            if (lastValue == null) {
                if (awaited && Tables.isRealId(a) && (!twoKeys || Tables.isRealId(b))) {
                    c.awaiting = true;
                }
                return;
            }
            c.put(out, lastValue);
        }

        private Object resolve(Object a, Object b) {
            Object v = table.get(a);
            if (part != null) {
                return MetadataCache.nested(v, part);
            }
            if (twoKeys) {
                v = MetadataCache.nested(v, b);
            }
            return v instanceof Map<?, ?> ? null : v;
        }
    }

    /** A rule with fixed inputs. */
    abstract static class Simple implements Rule {
        private final String[] inputs;

        Simple(String... inputs) {
            this.inputs = inputs;
        }

        @Override
        public String[] inputs() {
            return inputs;
        }
    }
}
