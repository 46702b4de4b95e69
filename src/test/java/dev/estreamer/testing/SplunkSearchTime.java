package dev.estreamer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Splunk search head does with an add-on's search-time knowledge, for the small part of the language the
 * add-on uses, read from the add-on's own files: {@code props.conf} field aliases (with the 7.2.4+ rule that an
 * alias whose source is missing removes its target), {@code EVAL-} expressions (all computed from the same
 * fields, a null result removing the field), automatic {@code LOOKUP-}s through {@code transforms.conf} to the
 * CSVs in {@code lookups/} (OUTPUT overwrites, and here a miss removes the field, the stricter reading;
 * OUTPUTNEW only fills a missing field), then {@code eventtypes.conf} searches and {@code tags.conf}.
 * Anything outside that subset fails loudly rather than being skipped.
 */
public final class SplunkSearchTime {
    private final Map<String, Map<String, String>> props;
    private final Map<String, Map<String, String>> transforms;
    private final Map<String, Map<String, String>> eventtypes;
    private final Map<String, Map<String, String>> tags;
    private final Path app;

    public SplunkSearchTime(Path app) throws IOException {
        this.app = app;
        this.props = conf(app.resolve("default/props.conf"));
        this.transforms = conf(app.resolve("default/transforms.conf"));
        this.eventtypes = conf(app.resolve("default/eventtypes.conf"));
        this.tags = conf(app.resolve("default/tags.conf"));
    }

    /** A .conf file: stanza to settings, in file order; a key twice in one stanza is an error (as in AppInspect). */
    public static Map<String, Map<String, String>> conf(Path file) throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = out.computeIfAbsent("default", k -> new LinkedHashMap<>());
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1);
                if (out.containsKey(name) && !name.equals("default")) {
                    throw new IllegalArgumentException(file + ": stanza [" + name + "] twice");
                }
                current = out.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(file + ": not a setting: " + raw);
            }
            String key = line.substring(0, eq).strip();
            if (current.put(key, line.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(file + ": " + key + " twice in one stanza");
            }
        }
        return out;
    }

    public Map<String, String> props(String sourcetype) {
        Map<String, String> p = props.get(sourcetype);
        if (p == null) {
            throw new IllegalArgumentException("props.conf has no [" + sourcetype + "]");
        }
        return p;
    }

    /** The event's fields after aliases, EVALs and lookups of its sourcetype. */
    public Map<String, String> fields(String sourcetype, Map<String, String> extracted) throws IOException {
        Map<String, String> p = props(sourcetype);
        Map<String, String> f = new HashMap<>(extracted);
        for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
            if (e.getKey().startsWith("FIELDALIAS-")) {
                Matcher m = Pattern.compile("(\\S+)\\s+(AS|ASNEW)\\s+(\\S+)").matcher(e.getValue());
                int end = 0;
                while (m.find()) {
                    if (m.start() != end && !e.getValue().substring(end, m.start()).isBlank()) {
                        throw new IllegalArgumentException("cannot read " + e.getKey() + " = " + e.getValue());
                    }
                    end = m.end();
                    String source = f.get(m.group(1));
                    if (m.group(2).equals("AS")) {
                        if (source == null) {
                            f.remove(m.group(3));
                        } else {
                            f.put(m.group(3), source);
                        }
                    } else if (source != null && !f.containsKey(m.group(3))) {
                        f.put(m.group(3), source);
                    }
                }
                if (!e.getValue().substring(end).isBlank()) {
                    throw new IllegalArgumentException("cannot read " + e.getKey() + " = " + e.getValue());
                }
            }
        }
        Map<String, String> computed = new HashMap<>();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (e.getKey().startsWith("EVAL-")) {
                computed.put(e.getKey().substring(5), new Eval(e.getValue(), f).result());
            }
        }
        computed.forEach((k, v) -> {
            if (v == null) {
                f.remove(k);
            } else {
                f.put(k, v);
            }
        });
        for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
            if (e.getKey().startsWith("LOOKUP-")) {
                lookup(e.getKey(), e.getValue(), f);
            }
        }
        return f;
    }

    private void lookup(String name, String spec, Map<String, String> f) throws IOException {
        Matcher m = Pattern.compile("(\\S+) (\\S+)(?: AS (\\S+))? (OUTPUT|OUTPUTNEW) (\\S+)(?: AS (\\S+))?")
                .matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read " + name + " = " + spec);
        }
        Map<String, String> transform = transforms.get(m.group(1));
        if (transform == null) {
            throw new IllegalArgumentException(name + ": no [" + m.group(1) + "] in transforms.conf");
        }
        String input = f.get(m.group(3) != null ? m.group(3) : m.group(2));
        String target = m.group(6) != null ? m.group(6) : m.group(5);
        if (input == null || (m.group(4).equals("OUTPUTNEW") && f.containsKey(target))) {
            return;
        }
        boolean caseSensitive = !"false".equals(transform.get("case_sensitive_match"));
        List<String[]> rows = csv(app.resolve("lookups").resolve(transform.get("filename")));
        int in = List.of(rows.get(0)).indexOf(m.group(2));
        int out = List.of(rows.get(0)).indexOf(m.group(5));
        if (in < 0 || out < 0) {
            throw new IllegalArgumentException(name + ": " + transform.get("filename") + " has no column "
                    + (in < 0 ? m.group(2) : m.group(5)));
        }
        for (String[] row : rows.subList(1, rows.size())) {
            if (caseSensitive ? row[in].equals(input) : row[in].equalsIgnoreCase(input)) {
                f.put(target, row[out]);
                return;
            }
        }
        if (m.group(4).equals("OUTPUT")) {
            f.remove(target);
        }
    }

    /** A lookup CSV without quoting (the add-on's have none): header first. */
    public static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.contains("\"")) {
                throw new IllegalArgumentException(file + ": quoted CSV is not supported here: " + line);
            }
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    /** The event types whose search matches the event (sourcetype included as a field). */
    public Set<String> eventtypes(String sourcetype, Map<String, String> fields) {
        Map<String, String> f = new HashMap<>(fields);
        f.put("sourcetype", sourcetype);
        Set<String> out = new TreeSet<>();
        eventtypes.forEach((name, settings) -> {
            if (!name.equals("default") && new Search(settings.get("search")).matches(f)) {
                out.add(name);
            }
        });
        return out;
    }

    /** The tags tags.conf enables for these event types. */
    public Set<String> tags(Set<String> eventtypeNames) {
        Set<String> out = new TreeSet<>();
        for (String et : eventtypeNames) {
            tags.getOrDefault("eventtype=" + et, Map.of()).forEach((tag, state) -> {
                if (state.equals("enabled")) {
                    out.add(tag);
                }
            });
        }
        return out;
    }

    public Map<String, Map<String, String>> eventtypeStanzas() {
        return eventtypes;
    }

    public Map<String, Map<String, String>> tagStanzas() {
        return tags;
    }

    /** An event type search: field=value terms (quoted, or * as a wildcard), implicit AND, OR, parentheses. */
    static final class Search {
        private final List<String> tokens = new ArrayList<>();
        private int pos;
        private Map<String, String> fields;

        Search(String search) {
            Matcher m = Pattern.compile("\\(|\\)|[A-Za-z0-9_]+=(\"[^\"]*\"|[^\\s()]+)|\\S+").matcher(search);
            while (m.find()) {
                tokens.add(m.group());
            }
        }

        boolean matches(Map<String, String> event) {
            fields = event;
            pos = 0;
            boolean result = or();
            if (pos != tokens.size()) {
                throw new IllegalArgumentException("cannot read the search at " + tokens.subList(pos, tokens.size()));
            }
            return result;
        }

        private boolean or() {
            boolean v = and();
            while (pos < tokens.size() && tokens.get(pos).equals("OR")) {
                pos++;
                v |= and();
            }
            return v;
        }

        private boolean and() {
            boolean v = term();
            while (pos < tokens.size() && !tokens.get(pos).equals("OR") && !tokens.get(pos).equals(")")) {
                if (tokens.get(pos).equals("AND")) {
                    pos++;
                }
                v &= term();
            }
            return v;
        }

        private boolean term() {
            String t = tokens.get(pos++);
            if (t.equals("(")) {
                boolean v = or();
                if (!tokens.get(pos++).equals(")")) {
                    throw new IllegalArgumentException("unbalanced parentheses");
                }
                return v;
            }
            int eq = t.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("unsupported search term " + t);
            }
            String value = t.substring(eq + 1);
            if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            String actual = fields.get(t.substring(0, eq));
            if (actual == null) {
                return false;
            }
            String regex = ("\\Q" + value.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
            return actual.toLowerCase(Locale.ROOT).matches(regex);
        }
    }

    /**
     * Splunk eval for what props.conf uses: literals, fields, + and -, comparisons, AND/OR, and the functions
     * if, case, coalesce, isnum, isnull, isnotnull, match, lower, null. Values are strings; null is Java null.
     */
    static final class Eval {
        private static final Pattern TOKEN = Pattern.compile(
                "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[0-9]+(?:\\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_.]*"
                + "|==|!=|<=|>=|[-+(),=<>])");
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, String> fields;
        private int pos;

        Eval(String expression, Map<String, String> fields) {
            this.fields = fields;
            Matcher m = TOKEN.matcher(expression);
            int end = 0;
            while (m.find() && m.start() == end) {
                tokens.add(m.group(1));
                end = m.end();
            }
            if (!expression.substring(end).isBlank()) {
                throw new IllegalArgumentException("cannot read eval expression at: " + expression.substring(end));
            }
        }

        String result() {
            Object v = or();
            if (pos != tokens.size()) {
                throw new IllegalArgumentException("trailing tokens " + tokens.subList(pos, tokens.size()));
            }
            return v == null ? null : v instanceof Boolean ? v.toString() : format(v);
        }

        private static String format(Object v) {
            if (v instanceof Double d && d == Math.rint(d)) {
                return Long.toString(d.longValue());
            }
            return v.toString();
        }

        private boolean peek(String s) {
            return pos < tokens.size() && tokens.get(pos).equals(s);
        }

        private Object or() {
            Object v = and();
            while (peek("OR")) {
                pos++;
                Object r = and();
                v = truth(v) || truth(r);
            }
            return v;
        }

        private Object and() {
            Object v = comparison();
            while (peek("AND")) {
                pos++;
                Object r = comparison();
                v = truth(v) && truth(r);
            }
            return v;
        }

        private Object comparison() {
            Object left = sum();
            for (String op : List.of("==", "=", "!=", "<=", ">=", "<", ">")) {
                if (peek(op)) {
                    pos++;
                    Object right = sum();
                    if (left == null || right == null) {
                        return false;
                    }
                    Double a = number(left);
                    Double b = number(right);
                    int c = a != null && b != null ? a.compareTo(b) : left.toString().compareTo(right.toString());
                    return switch (op) {
                        case "=", "==" -> c == 0;
                        case "!=" -> c != 0;
                        case "<" -> c < 0;
                        case ">" -> c > 0;
                        case "<=" -> c <= 0;
                        default -> c >= 0;
                    };
                }
            }
            return left;
        }

        private Object sum() {
            Object v = primary();
            while (peek("+") || peek("-")) {
                boolean plus = tokens.get(pos++).equals("+");
                Object r = primary();
                Double a = number(v);
                Double b = number(r);
                if (a == null || b == null) {
                    v = plus && v != null && r != null ? v.toString() + r : null;
                } else {
                    v = plus ? a + b : a - b;
                }
            }
            return v;
        }

        private Object primary() {
            String t = tokens.get(pos++);
            if (t.equals("(")) {
                Object v = or();
                expect(")");
                return v;
            }
            if (t.startsWith("\"")) {
                return t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            if (Character.isDigit(t.charAt(0))) {
                return Double.parseDouble(t);
            }
            if (peek("(")) {
                pos++;
                List<Object> args = new ArrayList<>();
                if (!peek(")")) {
                    do {
                        args.add(or());
                    } while (peek(",") && pos++ >= 0);
                }
                expect(")");
                return call(t, args);
            }
            if (t.startsWith("'")) {
                return fields.get(t.substring(1, t.length() - 1));
            }
            return fields.get(t);
        }

        private Object call(String name, List<Object> a) {
            return switch (name) {
                case "if" -> truth(a.get(0)) ? a.get(1) : a.get(2);
                case "case" -> {
                    for (int i = 0; i + 1 < a.size(); i += 2) {
                        if (truth(a.get(i))) {
                            yield a.get(i + 1);
                        }
                    }
                    yield null;
                }
                case "coalesce" -> a.stream().filter(v -> v != null).findFirst().orElse(null);
                case "isnum" -> a.get(0) != null && number(a.get(0)) != null;
                case "isnull" -> a.get(0) == null;
                case "isnotnull" -> a.get(0) != null;
                case "match" -> a.get(0) != null
                        && Pattern.compile(a.get(1).toString()).matcher(a.get(0).toString()).find();
                case "lower" -> a.get(0) == null ? null : a.get(0).toString().toLowerCase(Locale.ROOT);
                case "null" -> null;
                default -> throw new IllegalArgumentException("eval function " + name + " is not modelled here");
            };
        }

        private void expect(String s) {
            if (!peek(s)) {
                throw new IllegalArgumentException("expected " + s + " at " + tokens.subList(pos, tokens.size()));
            }
            pos++;
        }

        private static boolean truth(Object v) {
            return v instanceof Boolean b && b;
        }

        private static Double number(Object v) {
            if (v instanceof Double d) {
                return d;
            }
            try {
                return v == null ? null : Double.parseDouble(v.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
