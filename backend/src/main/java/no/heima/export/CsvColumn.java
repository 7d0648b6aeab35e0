package no.heima.export;

/**
 * The cohort CSV's columns in order: its data dictionary, served by the API and written
 * in docs/cohort-export.md. Names never change once released; new columns go last.
 */
enum CsvColumn {

	KIND("kind", "text", "Radtype: measurement (måling) eller score (skjemaskår)",
			"Row type: measurement or score (questionnaire score)"),
	PATIENT("patient", "text",
			"Pasientens fødselsnummer/D-nummer, eller et pseudonym (32 heksadesimale tegn) når eksporten er pseudonymisert",
			"The patient's national identity number (fødselsnummer/D-number), or a pseudonym (32 hex characters)"
					+ " when the export is pseudonymised"),
	BIRTH_YEAR("birth_year", "integer", "Fødselsår (aldri hele fødselsdatoen)", "Year of birth (never the full date)"),
	TEAM("team", "text", "Teamet som følger opp pasienten i forløpet", "The team following the patient on the pathway"),
	PATHWAY("pathway", "text", "Forløpets navn", "The pathway's name"),
	PATHWAY_VERSION("pathway_version", "integer", "Versjonen av forløpet pasienten er innrullert på",
			"The version of the pathway the patient is enrolled on"),
	VITAL("vital", "text", "Målingstype (f.eks. BLOOD_PRESSURE); tom for skårer",
			"Kind of measurement (e.g. BLOOD_PRESSURE); empty for scores"),
	QUESTIONNAIRE("questionnaire", "text", "Skjemaets kanoniske URL og versjon; tom for målinger",
			"The questionnaire's canonical URL and version; empty for measurements"),
	CODE("code", "text",
			"LOINC-kode for verdien (f.eks. 8480-6 systolisk), eller skårens linkId når den ikke har LOINC",
			"LOINC code of the value (e.g. 8480-6 systolic), or the score's linkId when it has no LOINC code"),
	CODE_SYSTEM("code_system", "text", "http://loinc.org, eller linkId", "http://loinc.org, or linkId"),
	VALUE("value", "decimal or text", "Verdien (desimaltall med punktum), eller skårens tekst",
			"The value (decimal with a point), or the score's text"),
	UNIT("unit", "text", "UCUM-enhet (f.eks. mm[Hg], kg); tom for skårer",
			"UCUM unit (e.g. mm[Hg], kg); empty for scores"),
	TIME("time", "timestamp", "Når det ble målt eller besvart (UTC, ISO 8601)",
			"When it was measured or answered (UTC, ISO 8601)"),
	RECEIVED_AT("received_at", "timestamp", "Når Heima tok imot det (UTC, ISO 8601)",
			"When Heima received it (UTC, ISO 8601)"),
	TRIAGE_LEVEL("triage_level", "text", "Triagenivå: GREEN, YELLOW eller RED", "Triage level: GREEN, YELLOW or RED"),
	SOURCE("source", "text", "Hvordan målingen kom inn (f.eks. PATIENT, DEVICE); tom for skårer",
			"How the measurement arrived (e.g. PATIENT, DEVICE); empty for scores");

	private final String column;

	private final String type;

	private final String nb;

	private final String en;

	CsvColumn(String column, String type, String nb, String en) {
		this.column = column;
		this.type = type;
		this.nb = nb;
		this.en = en;
	}

	/** One entry of the dictionary as the API serves it. */
	record Entry(String name, String type, String nb, String en) {
	}

	Entry entry() {
		return new Entry(this.column, this.type, this.nb, this.en);
	}

	String column() {
		return this.column;
	}

}
