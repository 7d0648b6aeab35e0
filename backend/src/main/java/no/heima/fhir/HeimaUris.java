package no.heima.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * URIs Heima mints. {@code namespace} defaults to {@code urn:heima}; a hospital may set
 * it to a URL under its own domain. Changing it after data has been written breaks the
 * link to what was written.
 */
@ConfigurationProperties("heima.fhir")
public record HeimaUris(@DefaultValue("urn:heima") String namespace) {

	/**
	 * Identifier system for one kind of Heima record, e.g.
	 * {@code urn:heima:id:measurement}.
	 */
	public String identifierSystem(String kind) {
		return this.namespace + ":id:" + kind;
	}

	/** A Heima extension's URL, e.g. {@code urn:heima:extension:triage-threshold}. */
	public String extension(String name) {
		return this.namespace + ":extension:" + name;
	}

	/** Canonical URL of a Heima definition resource, e.g. a pathway's PlanDefinition. */
	public String canonical(String type, String id) {
		return this.namespace + ":" + type + ":" + id;
	}

}
