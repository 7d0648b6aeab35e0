package no.heima.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient as the API shows them. {@code version} is the optimistic-concurrency token
 * (ETag).
 */
public record Patient(UUID id, Identifier identifier, String givenName, String familyName, LocalDate birthDate,
		String phone, String email, String preferredLanguage, List<String> teams, long version, Instant createdAt) {

	public record Identifier(String system, String value, NationalId.Kind kind) {
	}

	public boolean followedByAnyOf(List<String> candidateTeams) {
		return teams.stream().anyMatch(candidateTeams::contains);
	}
}
