package dev.estreamer.enrich;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The computed fields of one record type, as a list of rules whose input positions are resolved once per
 * layout (a record type has a handful of layouts, a stream mostly one), so decorating a record costs array
 * reads and table lookups, no string building. Lookups remember their last key and answer while the cache's
 * {@link MetadataCache#version() version} stands still: the zones, policies, rules and devices of one stream
 * repeat record after record.
 */
final class View {
    private final Rule[] rules;
    private final Map<FieldNames, Binding> bindings = new IdentityHashMap<>();
    private FieldNames lastNames;
    private Binding last;

    /** Where each rule's two inputs sit in one layout: a position (-1 = absent) and a sub-path inside it. */
    private record Binding(int[] pos, String[] sub) {
    }

    View(List<Rule> rules) {
        this.rules = rules.toArray(new Rule[0]);
    }

    void apply(Fields fields, Computed out) {
        FieldNames names = fields.names();
        Binding b = last;
        if (names != lastNames) {
            b = bindings.get(names);
            if (b == null) {
                b = bind(names);
                bindings.put(names, b);
            }
            lastNames = names;
            last = b;
        }
        int[] pos = b.pos;
        String[] sub = b.sub;
        Rule[] rs = rules;
        for (int r = 0, k = 0; r < rs.length; r++, k += 2) {
            Object x = read(fields, pos[k], sub[k]);
            Object y = read(fields, pos[k + 1], sub[k + 1]);
            rs[r].apply(x, y, out);
        }
    }

    private static Object read(Fields fields, int pos, String sub) {
        if (pos < 0) {
            return null;
        }
        Object v = fields.value(pos);
        if (sub != null) {
            return v instanceof Fields f ? f.path(sub) : null;
        }
        return v;
    }

    private Binding bind(FieldNames names) {
        int[] pos = new int[rules.length * 2];
        String[] sub = new String[rules.length * 2];
        for (int r = 0; r < rules.length; r++) {
            String[] inputs = rules[r].inputs();
            for (int k = 0; k < 2; k++) {
                pos[2 * r + k] = -1;
                if (k < inputs.length) {
                    String input = inputs[k];
                    int dot = input.indexOf('.');
                    pos[2 * r + k] = names.indexOf(dot < 0 ? input : input.substring(0, dot));
                    sub[2 * r + k] = dot < 0 ? null : input.substring(dot + 1);
                }
            }
        }
        return new Binding(pos, sub);
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
