package no.heima.audit;

/**
 * Why patient data was accessed, as an HL7 v3 PurposeOfUse code (the vocabulary FHIR
 * AuditEvent.purposeOfEvent uses): a clinician's access is treatment, a patient's own is
 * patient-requested, an administrator's or Heima's own work is operations.
 */
public enum AuditPurpose {

	TREAT("treatment"), PATRQT("patient requested"), HOPERAT("healthcare operations");

	public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

	private final String display;

	AuditPurpose(String display) {
		this.display = display;
	}

	public String display() {
		return this.display;
	}

	/** The purpose that follows from the actor's roles (as {@code "ADMIN,CLINICIAN"}). */
	public static AuditPurpose of(String actorRoles) {
		String roles = (actorRoles != null) ? actorRoles : "";
		if (roles.contains("CLINICIAN")) {
			return TREAT;
		}
		if (roles.contains("PATIENT")) {
			return PATRQT;
		}
		return HOPERAT;
	}

}
