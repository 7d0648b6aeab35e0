package no.heima.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import no.heima.problem.RefusedInput;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON binding for every request body (Spring's codecs and the controllers that
 * parse a body themselves share this mapper): numbers bounded before any arithmetic, text
 * without control characters, and no guessing: an enum is not read from its ordinal
 * ({@code "vital": 3}), a number not from a string, text not from a number or boolean, an
 * integer not from a fraction. A refused value is a 400 problem, never a guess stored.
 */
@Configuration
class JsonLimits {

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return (builder) -> builder.addModule(module())
			// "" (or text that trims to nothing, such as "\u0000") is no value of any
			// type: it
			// was read as null and a default stored
			.withCoercionConfigDefaults(
					(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer, JsonLimits::noneFromText)
			.withCoercionConfig(LogicalType.Float, JsonLimits::noneFromText)
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> noneFromText(config).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	private static tools.jackson.databind.cfg.MutableCoercionConfig noneFromText(
			tools.jackson.databind.cfg.MutableCoercionConfig config) {
		return config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("heima-input-bounds");
		module.addDeserializer(BigDecimal.class, new BoundedDecimal());
		module.addDeserializer(String.class, new CheckedText());
		module.addKeyDeserializer(String.class, new CheckedKey());
		module.addDeserializer(JsonNode.class, new CheckedTree());
		module.addDeserializer(LocalDate.class, new StrictDate());
		return module;
	}

	static RefusedInput tooLarge(JsonParser parser) {
		return new RefusedInput(parser, "number-bounds", "A number has more than " + InputBounds.MAX_DIGITS
				+ " digits or a magnitude beyond 1e" + InputBounds.MAX_EXPONENT);
	}

	static RefusedInput controlCharacter(JsonParser parser) {
		return new RefusedInput(parser, "control-character", "Text contains a control character");
	}

	/** BigDecimal from a JSON number only, within {@link InputBounds}. */
	static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

		BoundedDecimal() {
			super(BigDecimal.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Float;
		}

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
				return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
			}
			BigDecimal value = parser.getDecimalValue();
			if (!InputBounds.saneNumber(value)) {
				throw tooLarge(parser);
			}
			return value;
		}

	}

	/**
	 * A date only from ISO text ({@code 2026-12-01}); not from an array (Jackson's array
	 * form read {@code []} as null, and a default date was stored), a number or blank
	 * text.
	 */
	static final class StrictDate extends StdScalarDeserializer<LocalDate> {

		StrictDate() {
			super(LocalDate.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.DateTime;
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			String text = parser.getString();
			if (InputBounds.hasControlCharacter(text)) {
				throw controlCharacter(parser);
			}
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
						"not a date of the form yyyy-mm-dd");
			}
		}

	}

	/** Jackson's own String reading (with its coercion rules), then the text check. */
	static final class CheckedText extends StdScalarDeserializer<String> {

		CheckedText() {
			super(String.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = StringDeserializer.instance.deserialize(parser, context);
			if (text != null && InputBounds.hasControlCharacter(text)) {
				throw controlCharacter(parser);
			}
			return text;
		}

	}

	static final class CheckedKey extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			if (InputBounds.hasControlCharacter(key)) {
				throw controlCharacter(context.getParser());
			}
			return key;
		}

	}

	/**
	 * Free-form JSON (a QuestionnaireResponse, a draft): read as usual, then every name,
	 * text and number in it checked, as it would otherwise reach PostgreSQL or FHIR
	 * unchecked.
	 */
	static final class CheckedTree extends StdDeserializer<JsonNode> {

		@SuppressWarnings("unchecked")
		private final ValueDeserializer<JsonNode> plain = (ValueDeserializer<JsonNode>) (ValueDeserializer<?>) JsonNodeDeserializer
			.getDeserializer(JsonNode.class);

		CheckedTree() {
			super(JsonNode.class);
		}

		@Override
		public JsonNode getNullValue(DeserializationContext context) {
			return (JsonNode) this.plain.getNullValue(context);
		}

		@Override
		public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode tree = (JsonNode) this.plain.deserialize(parser, context);
			check(tree, parser);
			return tree;
		}

		private static void check(JsonNode tree, JsonParser parser) {
			Deque<JsonNode> pending = new ArrayDeque<>();
			pending.push(tree);
			while (!pending.isEmpty()) {
				JsonNode node = pending.pop();
				if (node.isObject()) {
					for (Map.Entry<String, JsonNode> property : node.properties()) {
						if (InputBounds.hasControlCharacter(property.getKey())) {
							throw controlCharacter(parser);
						}
						pending.push(property.getValue());
					}
				}
				else if (node.isArray()) {
					node.values().forEach(pending::push);
				}
				else if (node.isString() && InputBounds.hasControlCharacter(node.stringValue())) {
					throw controlCharacter(parser);
				}
				else if (node.isBigDecimal() && !InputBounds.saneNumber(node.decimalValue())) {
					throw tooLarge(parser);
				}
				else if (node.isFloatingPointNumber() && !node.isBigDecimal()
						&& !InputBounds.saneNumber(node.doubleValue())) {
					throw tooLarge(parser);
				}
			}
		}

	}

}
