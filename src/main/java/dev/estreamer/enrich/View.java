package dev.estreamer.enrich;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The computed fields of one record type, as a list of rules whose input positions are resolved once per
 * layout (a record type has a handful of layouts), so decorating a record costs array reads and table
 * lookups, no string building.
 */
final class View {
    private final List<Rule> rules;
    private final Map<FieldNames, int[]> positions = new IdentityHashMap<>();
    private final Map<FieldNames, String[]> subPaths = new IdentityHashMap<>();

    View(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    void apply(Fields fields, Computed out) {
        FieldNames names = fields.names();
        int[] pos = positions.get(names);
        if (pos == null) {
            pos = bind(names);
        }
        String[] sub = subPaths.get(names);
        for (int r = 0, n = rules.size(); r < n; r++) {
            Object a = read(fields, pos[2 * r], sub[2 * r]);
            Object b = read(fields, pos[2 * r + 1], sub[2 * r + 1]);
            rules.get(r).apply(a, b, out);
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

    private int[] bind(FieldNames names) {
        int[] pos = new int[rules.size() * 2];
        String[] sub = new String[rules.size() * 2];
        for (int r = 0; r < rules.size(); r++) {
            String[] inputs = rules.get(r).inputs();
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
        positions.put(names, pos);
        subPaths.put(names, sub);
        return pos;
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
            Map<Object, Object> t = cache.table(table);
            return rule(new Simple(new String[] {field}) {
                @Override
                public void apply(Object a, Object b, Computed c) {
                    if (a != null) {
                        c.put(out, plain(t.get(a)));
                    }
                }
            });
        }

        /** {@code out = table[field1][field2]}. */
        Builder lookup(String out, String table, String field1, String field2) {
            Map<Object, Object> t = cache.table(table);
            return rule(new Simple(new String[] {field1, field2}) {
                @Override
                public void apply(Object a, Object b, Computed c) {
                    if (a != null && b != null) {
                        c.put(out, plain(MetadataCache.nested(t.get(a), b)));
                    }
                }
            });
        }

        /** {@code out = table[field][part]} for tables whose values are name maps. */
        Builder part(String out, String table, String field, String part) {
            Map<Object, Object> t = cache.table(table);
            return rule(new Simple(new String[] {field}) {
                @Override
                public void apply(Object a, Object b, Computed c) {
                    if (a != null) {
                        c.put(out, MetadataCache.nested(t.get(a), part));
                    }
                }
            });
        }

        /** A name, or a signature id, but never a nested table leaking out as a value. */
        private static Object plain(Object v) {
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
