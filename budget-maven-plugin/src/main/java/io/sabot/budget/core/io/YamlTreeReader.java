package io.sabot.budget.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.sabot.budget.core.model.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into a {@link YamlNode} tree with line and column for every node. Bounded against
 * hostile input: nesting depth, document size and alias expansion are limited (a "billion laughs"
 * file fails fast instead of exhausting memory), and duplicate keys are errors.
 */
final class YamlTreeReader {

    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    static final int MAX_ALIASES = 50;

    private final String fileName;
    private final YAMLFactory factory;

    YamlTreeReader(String fileName) {
        this.fileName = fileName;
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setAllowDuplicateKeys(true); // reported by us, with both locations
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setNestingDepthLimit(MAX_DEPTH);
        this.factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /** Returns the document's root node, or a null scalar for an empty document. */
    YamlNode read(Reader reader) throws IOException, BudgetFileException {
        try (YAMLParser parser = (YAMLParser) factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(null, new SourceLocation(fileName, 1, 1));
            }
            YamlNode root = readValue(parser, 0);
            if (parser.nextToken() != null) {
                throw BudgetFileException.single(location(parser.currentTokenLocation()),
                        "only one YAML document is allowed (found a second one)");
            }
            return root;
        }
    }

    private YamlNode readValue(YAMLParser parser, int depth) throws IOException, BudgetFileException {
        SourceLocation where = location(parser.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw BudgetFileException.single(where, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, depth, where);
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, depth + 1));
                }
                return new YamlNode.Sequence(items, where);
            case VALUE_NULL:
                return new YamlNode.Scalar(null, where);
            default:
                if (!token.isScalarValue()) {
                    throw BudgetFileException.single(where, "unexpected YAML token " + token);
                }
                return new YamlNode.Scalar(parser.getText(), where);
        }
    }

    private YamlNode readMapping(YAMLParser parser, int depth, SourceLocation where) throws IOException, BudgetFileException {
        LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourceLocation keyLocation = location(parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = readValue(parser, depth + 1);
            YamlNode.Entry previous = entries.get(key);
            if (previous != null) {
                throw BudgetFileException.single(keyLocation,
                        "duplicate key '" + key + "' (first defined at line " + previous.keyLocation().line() + ")");
            }
            entries.put(key, new YamlNode.Entry(key, keyLocation, value));
        }
        return new YamlNode.Mapping(entries, where);
    }

    private SourceLocation location(JsonLocation location) {
        return new SourceLocation(fileName, location.getLineNr(), location.getColumnNr());
    }
}
