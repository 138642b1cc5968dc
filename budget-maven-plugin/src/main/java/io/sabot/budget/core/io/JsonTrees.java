package io.sabot.budget.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.Environment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The one JSON configuration for result, baseline, report and history files: reads bytes into Jackson's
 * tree and writes trees back, with jackson-core's streaming parser and generator and no {@code ObjectMapper}.
 *
 * <p>Why not the mapper: in the fresh JVM of a {@code mvn budget:compare}, setting up an {@code ObjectMapper}
 * (its serializer and deserializer factories, type introspection: some 370 classes) cost about 150 ms before
 * the first byte was read, half of what a ten-benchmark compare takes in all; trees of plain nodes need none of
 * it. The trees are the ones the mapper built (an int that fits is an {@code IntNode}, a fraction a
 * {@code DoubleNode}) and the text is the one it wrote (its default pretty printer), so the files are unchanged.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            // JMH writes every sample with 17 digits; the JDK's parser took a third of reading a
            // 1,000-benchmark result file, FastDoubleParser gives the same correctly rounded doubles.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * The document in {@code content}; a missing node when it holds only white space. A field given twice in
     * one object, or anything after the document ("[...] [...]", two runs appended), is an error: neither
     * may read as a part of the file alone.
     *
     * @throws JsonParseException (a {@code JsonProcessingException}) with the location of the problem
     */
    public static JsonNode read(byte[] content) throws IOException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            return read(parser);
        }
    }

    public static JsonNode read(String content) throws IOException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            return read(parser);
        }
    }

    private static JsonNode read(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = value(parser);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonParseException(parser, "Trailing token (of type " + trailing + ") found after value");
        }
        return root;
    }

    private static JsonNode value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (object.replace(name, value(parser)) != null) {
                        throw new JsonParseException(parser, "Duplicate field '" + name + "' in one object");
                    }
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "Unexpected token " + parser.currentToken());
        };
    }

    /** {@code node} as JSON text, indented as the mapper's default pretty printer indents. */
    public static String pretty(JsonNode node) {
        return text(node, true);
    }

    /** {@link #pretty} as UTF-8 bytes. */
    public static byte[] prettyBytes(JsonNode node) {
        return pretty(node).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code node} as JSON text on one line. */
    public static String compact(JsonNode node) {
        return text(node, false);
    }

    private static String text(JsonNode node, boolean indented) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (indented) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
                    default -> generator.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
        }
    }

    /** The environment as the mapper wrote the record: its components in order, the speed as an object. */
    public static ObjectNode environment(Environment env) {
        ObjectNode node = NODES.objectNode();
        node.put("jdkVendor", env.jdkVendor());
        node.put("jdkVersion", env.jdkVersion());
        node.put("vmName", env.vmName());
        node.put("os", env.os());
        node.put("arch", env.arch());
        node.put("cpuModel", env.cpuModel());
        node.put("cores", env.cores());
        node.put("jmhVersion", env.jmhVersion());
        ArrayNode jvmArgs = node.putArray("jvmArgs");
        env.jvmArgs().forEach(jvmArgs::add);
        ObjectNode speed = node.putObject("speed");
        speed.put("cpuNanosPerStep", env.speed().cpuNanosPerStep());
        speed.put("memoryNanosPerLoad", env.speed().memoryNanosPerLoad());
        return node;
    }
}
