package no.heima.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * URIs Heima mints. {@code namespace} defaults to {@code https://heima.example/fhir} (the
 * reserved {@code .example} domain: an honest placeholder that points at nobody's site,
 * as the seed questionnaires' canonicals do); a hospital sets it to a URL under its own
 * domain. Changing it after data has been written breaks the link to what was written.
 */
@ConfigurationProperties("heima.fhir")
public record HeimaUris(@DefaultValue("https://heima.example/fhir") String namespace) {

	/** Identifier system for one kind of Heima record, e.g. {@code …/id/measurement}. */
	public String identifierSystem(String kind) {
		return this.namespace + "/id/" + kind;
	}

	/** A Heima extension's URL, e.g. {@code …/StructureDefinition/triage-threshold}. */
	public String extension(String name) {
		return this.namespace + "/StructureDefinition/" + name;
	}

	/**
	 * Canonical URL of a Heima definition resource, e.g. {@code …/PlanDefinition/<id>}.
	 */
	public String canonical(String type, String id) {
		return this.namespace + "/" + type + "/" + id;
	}

}
