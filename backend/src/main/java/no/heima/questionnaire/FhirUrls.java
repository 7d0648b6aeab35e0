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

	static final String LOINC = "http://loinc.org";

	private FhirUrls() {
	}

}
