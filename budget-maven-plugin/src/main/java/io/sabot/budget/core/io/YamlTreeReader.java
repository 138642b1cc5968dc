package io.sabot.budget.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.sabot.budget.core.model.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML into a {@link YamlNode} tree with line and column for every node. Bounded against
 * hostile input: nesting depth, document size and the number of aliases are limited, and aliases
 * share the anchored node instead of copying it (a "billion laughs" file stays as small as its
 * text); duplicate keys are errors.
 */
final class YamlTreeReader {

    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    static final int MAX_ALIASES = 50;

    private final String fileName;
    private final YAMLFactory factory;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private int aliases;

    YamlTreeReader(String fileName) {
        this.fileName = fileName;
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setAllowDuplicateKeys(true); // reported by us, with both locations
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setNestingDepthLimit(2 * MAX_DEPTH); // ours fires first, with a location
        this.factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * MAX_DEPTH).build())
                .build();
    }

    /**
     * Returns the document's root node, or a null scalar for an empty document. Every YAML syntax
     * error becomes a {@link BudgetFileException} with the line and column the parser stopped at.
     */
    YamlNode read(Reader reader) throws IOException, BudgetFileException {
        YAMLParser parser = (YAMLParser) factory.createParser(reader);
        try (parser) {
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
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw BudgetFileException.single(location(where), "malformed YAML: " + syntaxProblem(e));
        } catch (YAMLException e) {
            // SnakeYAML limits (size, depth) surface as its own runtime exception.
            SourceLocation where = e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                    ? new SourceLocation(fileName, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1)
                    : location(parser.currentLocation());
            throw BudgetFileException.single(where, "YAML rejected: " + ParserMessages.plain(e.getMessage()));
        }
    }

    private YamlNode readValue(YAMLParser parser, int depth) throws IOException, BudgetFileException {
        SourceLocation where = location(parser.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw BudgetFileException.single(where, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (parser.isCurrentAlias()) {
            return alias(parser.getText(), where);
        }
        String anchor = parser.getObjectId();
        YamlNode node = readNode(parser, depth, where);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    /**
     * The anchored list or mapping itself, shared rather than copied: an alias bomb stays as small as its text,
     * and the number of aliases is bounded on top of that. (Jackson's streaming parser only reports
     * an alias by name; left alone, "*name" would silently read as the text "name".)
     */
    private YamlNode alias(String name, SourceLocation where) throws BudgetFileException {
        YamlNode target = anchors.get(name);
        if (target == null) {
            // Jackson reports anchors of lists and mappings only, so an alias of a single value lands here too.
            throw BudgetFileException.single(where, "alias '*" + name + "' does not refer to a list or mapping anchored"
                    + " before it ('&" + name + "'); aliases of single values are not supported, write the value out");
        }
        if (++aliases > MAX_ALIASES) {
            throw BudgetFileException.single(where, "YAML rejected: more than " + MAX_ALIASES + " aliases (*name); a budget file needs few");
        }
        return target;
    }

    private YamlNode readNode(YAMLParser parser, int depth, SourceLocation where) throws IOException, BudgetFileException {
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
        if (location == null || location.getLineNr() < 1) {
            return new SourceLocation(fileName, 1, 1);
        }
        return new SourceLocation(fileName, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /**
     * SnakeYAML's own words for a syntax error are in two parts, what it was reading ("while parsing a block
     * collection") and what went wrong ("expected <block end>, but found '<block mapping start>'"): both, and
     * for the usual slips (indentation, an unclosed bracket or quote) what to look for.
     */
    static String syntaxProblem(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null) {
                String context = marked.getContext() == null ? "" : marked.getContext().strip() + ": ";
                String problem = marked.getProblem().strip();
                return context + problem + hint(context + problem);
            }
        }
        return ParserMessages.plain(e.getOriginalMessage());
    }

    private static String hint(String problem) {
        if (problem.contains("expected <block end>") || problem.contains("mapping values are not allowed here")) {
            return " (check the indentation: the keys of one mapping, and the '-' of one list, start in the same column)";
        }
        if (problem.contains("flow mapping") || problem.contains("flow sequence")) {
            return " (a '{' or '[' is not closed, or its items are not separated by commas)";
        }
        if (problem.contains("quoted scalar")) {
            return " (a quote is not closed)";
        }
        return "";
    }
}
