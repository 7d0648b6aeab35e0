package no.heima.testsupport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import no.heima.fhir.FhirJson;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HAPI FHIR R4 validator (base spec and its profiles), built once for the tests that
 * check what Heima writes.
 */
public final class FhirValidation {

	private static FhirValidator validator;

	private FhirValidation() {
	}

	/** Every ERROR or FATAL message the validator has for {@code resource}. */
	public static synchronized List<String> errors(IBaseResource resource) {
		if (validator == null) {
			FhirContext context = FhirJson.context();
			validator = context.newValidator()
				.registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
						new DefaultProfileValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
						new InMemoryTerminologyServerValidationSupport(context),
						new SnapshotGeneratingValidationSupport(context))));
		}
		return validator.validateWithResult(resource)
			.getMessages()
			.stream()
			.filter((m) -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.map(SingleValidationMessage::toString)
			.toList();
	}

}
