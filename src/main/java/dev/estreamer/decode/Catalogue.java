package dev.estreamer.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Family;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Record and block layouts, read from a JSON resource and compiled once into decoding plans.
 *
 * <p>The data lives in {@code dev/estreamer/catalogue.json} so that supporting a new record or block
 * version is an edit of data, not a new class.
 */
public final class Catalogue {
    private static final String RESOURCE = "/dev/estreamer/catalogue.json";

    private final RecordDef[] byType = new RecordDef[0x10000];
    private final Map<Integer, RecordType> types = new TreeMap<>();

    private final JsonNode layoutsJson;
    private final JsonNode blocksJson;
    private final Map<String, Layout> blocks = new HashMap<>();
    private final Set<String> compiling = new HashSet<>();

    private Catalogue(JsonNode root) {
        this.layoutsJson = root.path("layouts");
        this.blocksJson = root.path("blocks");
        for (JsonNode r : root.path("records")) {
            RecordDef def = compileRecord(r);
            if (byType[def.type.type()] != null) {
                throw invalid("record " + def.type.type() + " defined twice");
            }
            byType[def.type.type()] = def;
            types.put(def.type.type(), def.type);
        }
        blocksJson.fieldNames().forEachRemaining(this::block); // validate unused blocks too
    }

    private static final class Standard {
        static final Catalogue INSTANCE = load();

        private static Catalogue load() {
            try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw invalid("resource " + RESOURCE + " is missing from the JAR");
                }
                return Catalogue.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The catalogue shipped in the JAR (compiled once, shared). */
    public static Catalogue standard() {
        return Standard.INSTANCE;
    }

    /** Compiles a catalogue from JSON; EstreamerException (DECODE) names the first inconsistency. */
    public static Catalogue load(InputStream json) throws IOException {
        return new Catalogue(new ObjectMapper().readTree(json));
    }

    public Optional<RecordType> recordType(int type) {
        return Optional.ofNullable(types.get(type));
    }

    /** All record types, by number. */
    public Collection<RecordType> recordTypes() {
        return Collections.unmodifiableCollection(types.values());
    }

    RecordDef def(int type) {
        return byType[type & 0xFFFF];
    }

    private RecordDef compileRecord(JsonNode r) {
        int type = r.path("type").asInt(-1);
        if (type < 0 || type > 0xFFFF) {
            throw invalid("record type " + r.path("type") + " out of range");
        }
        String name = text(r, "name");
        String category = text(r, "category");
        Family family = Family.valueOf(text(r, "family"));
        List<JsonNode> specs = new ArrayList<>();
        flatten(r.path("body"), specs, "record " + type);
        JsonNode last = specs.isEmpty() ? null : specs.get(specs.size() - 1);
        String lastType = last == null ? "" : last.get(1).asText();
        if (!lastType.startsWith("merge:")) {
            Layout single = compileBody("record " + type, specs);
            return new RecordDef(new RecordType(type, name, category, family, List.of()), single, 0,
                    new int[0], new Layout[0]);
        }
        List<JsonNode> prefixSpecs = specs.subList(0, specs.size() - 1);
        Layout prefix = compileBody("record " + type, prefixSpecs);
        int prefixSize = prefix.fixedSize();
        if (prefixSize < 0) {
            throw invalid("record " + type + ": fields before the merged block must have a fixed size");
        }
        String[] parts = lastType.split(":");
        if (parts.length != 3) {
            throw invalid("record " + type + ": bad merge spec " + lastType);
        }
        String[] variantNames = parts[2].split(",");
        int[] variantTypes = new int[variantNames.length];
        Layout[] variants = new Layout[variantNames.length];
        List<Integer> blockTypes = new ArrayList<>();
        for (int i = 0; i < variantNames.length; i++) {
            variantTypes[i] = Integer.parseInt(variantNames[i].trim());
            blockTypes.add(variantTypes[i]);
            Layout block = block(parts[1] + ":" + variantTypes[i]);
            Set<String> blockNames = new HashSet<>();
            for (int s = 0; s < block.names().size(); s++) {
                blockNames.add(block.names().name(s));
            }
            // eNcore merges the block into the record dict, so a block field wins over a prefix field of the
            // same name (deviceId of the discovery header and of the connection block): keep the block's
            List<String> names = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            for (Step s : prefix.steps()) {
                if (s.slot() < 0 || blockNames.contains(s.name())) {
                    steps.add(new Step(Kind.SKIP, s.name(), -1, s.size(), -1, null));
                } else {
                    steps.add(new Step(s.kind(), s.name(), names.size(), s.size(), -1, null));
                    names.add(s.name());
                }
            }
            int base = names.size();
            for (int s = 0; s < block.names().size(); s++) {
                names.add(block.names().name(s));
            }
            steps.add(new Step(Kind.MERGED, block.id(), base, 0, -1, block));
            variants[i] = new Layout("record " + type + "/" + block.id(), 0, -1, false,
                    names(names, steps, "record " + type), steps.toArray(new Step[0]), owners(names.size(), steps));
        }
        return new RecordDef(new RecordType(type, name, category, family, List.copyOf(blockTypes)), null,
                prefixSize, variantTypes, variants);
    }

    /** Expands include: specs into the layouts they name. */
    private void flatten(JsonNode fields, List<JsonNode> out, String context) {
        if (!fields.isArray()) {
            throw invalid(context + ": fields must be an array");
        }
        for (JsonNode f : fields) {
            if (!f.isArray() || f.size() != 2) {
                throw invalid(context + ": field must be [name, type]: " + f);
            }
            String type = f.get(1).asText();
            if (type.startsWith("include:")) {
                String name = type.substring("include:".length());
                JsonNode layout = layoutsJson.get(name);
                if (layout == null) {
                    throw invalid(context + ": unknown layout " + name);
                }
                flatten(layout, out, context + " > " + name);
            } else {
                out.add(f);
            }
        }
    }

    Layout block(String key) {
        Layout known = blocks.get(key);
        if (known != null) {
            return known;
        }
        if (!compiling.add(key)) {
            throw invalid("block " + key + " contains itself");
        }
        JsonNode def = blocksJson.get(key);
        if (def == null) {
            throw invalid("unknown block " + key);
        }
        String[] st = key.split(":");
        List<JsonNode> specs = new ArrayList<>();
        flatten(def.path("fields"), specs, "block " + key);
        List<String> names = new ArrayList<>(List.of("blockType", "blockLength"));
        List<Step> steps = new ArrayList<>();
        compileFields(specs, names, steps, "block " + key);
        Layout layout = new Layout(key, Integer.parseInt(st[0]), Integer.parseInt(st[1]), true,
                names(names, steps, "block " + key), steps.toArray(new Step[0]), owners(names.size(), steps));
        blocks.put(key, layout);
        compiling.remove(key);
        return layout;
    }

    private Layout compileBody(String id, List<JsonNode> specs) {
        List<String> names = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        compileFields(specs, names, steps, id);
        return new Layout(id, 0, -1, false, names(names, steps, id), steps.toArray(new Step[0]),
                owners(names.size(), steps));
    }

    private static int[] owners(int size, List<Step> steps) {
        int[] owners = new int[size];
        java.util.Arrays.fill(owners, -1);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.kind() == Kind.TEXT || s.kind() == Kind.BYTES) {
                owners[s.lenSlot()] = i;
            }
        }
        return owners;
    }

    private void compileFields(List<JsonNode> specs, List<String> names, List<Step> steps, String context) {
        Map<String, Kind> kinds = new HashMap<>();
        for (JsonNode f : specs) {
            String name = f.get(0).asText();
            String type = f.get(1).asText();
            String[] p = type.split(":", 2);
            String arg = p.length > 1 ? p[1] : null;
            Step step;
            int slot = names.size();
            switch (p[0]) {
                case "u8" -> step = new Step(Kind.U8, name, slot, 1, -1, null);
                case "u16" -> step = new Step(Kind.U16, name, slot, 2, -1, null);
                case "u32" -> step = new Step(Kind.U32, name, slot, 4, -1, null);
                case "u64" -> step = new Step(Kind.U64, name, slot, 8, -1, null);
                case "ipv4" -> step = new Step(Kind.IPV4, name, slot, 4, -1, null);
                case "ipv6" -> step = new Step(Kind.IPV6, name, slot, 16, -1, null);
                case "uuid" -> step = new Step(Kind.UUID, name, slot, 16, -1, null);
                case "mac" -> step = new Step(Kind.MAC, name, slot, 6, -1, null);
                case "hex" -> step = new Step(Kind.HEX, name, slot, size(arg, context, name), -1, null);
                case "skip" -> step = new Step(Kind.SKIP, name, -1, size(arg, context, name), -1, null);
                case "string" -> step = new Step(Kind.STRING, name, slot, 0, -1, null);
                case "blob" -> step = new Step(Kind.BLOB, name, slot, 0, -1, null);
                case "rest" -> step = new Step(Kind.REST, name, slot, 0, -1, null);
                case "text", "bytes" -> {
                    int lenSlot = names.indexOf(arg);
                    Kind lenKind = kinds.get(arg);
                    if (lenSlot < 0 || !(lenKind == Kind.U8 || lenKind == Kind.U16 || lenKind == Kind.U32)) {
                        throw invalid(context + ": " + name + " needs an earlier integer field " + arg);
                    }
                    step = new Step(p[0].equals("text") ? Kind.TEXT : Kind.BYTES, name, slot, 0, lenSlot, null);
                }
                case "block", "list" -> step = new Step(p[0].equals("block") ? Kind.BLOCK : Kind.LIST, name, slot,
                        0, -1, block(arg));
                default -> throw invalid(context + ": field " + name + " has unknown type " + type
                        + (type.startsWith("merge:") ? " (merge must be the last field of a record)" : ""));
            }
            if (step.slot() >= 0) {
                names.add(name);
                kinds.put(name, step.kind());
            }
            steps.add(step);
        }
    }

    private static int size(String arg, String context, String name) {
        try {
            int n = Integer.parseInt(arg);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw invalid(context + ": field " + name + " needs a positive size, got " + arg);
    }

    private static FieldNames names(List<String> names, List<Step> steps, String context) {
        boolean[] ascii = new boolean[names.size()];
        for (Step s : steps) {
            if (s.kind() == Kind.MERGED) {
                FieldNames block = s.nested().names();
                for (int i = 0; i < block.size(); i++) {
                    ascii[s.slot() + i] = block.asciiText(i);
                }
            } else if (s.slot() >= 0) {
                ascii[s.slot()] = s.kind().asciiText;
            }
        }
        try {
            return new FieldNames(names, ascii);
        } catch (IllegalArgumentException e) {
            throw invalid(context + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode r, String key) {
        JsonNode v = r.get(key);
        if (v == null || !v.isTextual()) {
            throw invalid("record " + r.path("type") + " has no " + key);
        }
        return v.asText();
    }

    private static EstreamerException invalid(String message) {
        return new EstreamerException(Stage.DECODE, "catalogue: " + message);
    }
}
