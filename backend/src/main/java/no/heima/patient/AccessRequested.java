package no.heima.patient;

import java.util.UUID;

/**
 * The answer to asking for access to a person, and to registering one another team
 * already follows: the same whether or not the person exists anywhere in Heima.
 */
public record AccessRequested(UUID requestId, String status) {

	static AccessRequested pending(UUID id) {
		return new AccessRequested(id, "PENDING");
	}

}
