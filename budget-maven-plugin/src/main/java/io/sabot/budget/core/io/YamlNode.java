package io.sabot.budget.core.io;

import io.sabot.budget.core.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value together with where it was written. Jackson's tree model drops locations, and every
 * error about a budget file must name its line and column, so the parser builds this small tree.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    SourceLocation location();

    /** "a text", "a list", "a mapping": for "expected X but found Y" messages. */
    String kind();

    /** A string, number, boolean or null as written. {@code text} is null for YAML null. */
    record Scalar(String text, SourceLocation location) implements YamlNode {
        @Override
        public String kind() {
            return text == null ? "nothing (null)" : "a value";
        }
    }

    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** Keys keep their own locations so "unknown key" points at the key. */
    record Mapping(LinkedHashMap<String, Entry> entries, SourceLocation location) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }

        Map<String, Entry> asMap() {
            return entries;
        }
    }

    record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }
}
