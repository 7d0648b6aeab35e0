package no.heima.questionnaire;

/** Extension and system URLs the questionnaire feature reads. */
final class FhirUrls {

	static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

	static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

	static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";

	static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";

	static final String CALCULATED_EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

	static final String ENABLE_WHEN_EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";

	static final String FHIRPATH = "text/fhirpath";

	static final String HIDDEN = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";

	static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";

	static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";

	static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

	static final String MAX_DECIMAL_PLACES = "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces";

	static final String MIN_LENGTH = "http://hl7.org/fhir/StructureDefinition/minLength";

	static final String REGEX = "http://hl7.org/fhir/StructureDefinition/regex";

	static final String MIME_TYPE = "http://hl7.org/fhir/StructureDefinition/mimeType";

	static final String MAX_SIZE = "http://hl7.org/fhir/StructureDefinition/maxSize";

	static final String MIN_QUANTITY = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-minQuantity";

	static final String MAX_QUANTITY = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity";

	static final String UNIT_OPTION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-unitOption";

	static final String LOINC = "http://loinc.org";

	private FhirUrls() {
	}

	/** {@code questionnaire-hidden}: never shown to the patient. */
	static boolean hidden(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent item) {
		org.hl7.fhir.r4.model.Extension hidden = item.getExtensionByUrl(HIDDEN);
		return hidden != null && hidden.getValue() instanceof org.hl7.fhir.r4.model.BooleanType b && b.booleanValue();
	}

}
