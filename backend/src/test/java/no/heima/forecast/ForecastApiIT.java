package no.heima.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The forecast through the API: an admin gets the days asked for with the DHO figures; a
 * nurse, an admin asking for a team not theirs, and a period too long are refused with
 * problem details; answers and refusals are audited.
 */
class ForecastApiIT extends IntegrationTest {

	@Autowired
	DatabaseClient db;

	@Test
	void anAdminGetsTheForecastOfTheirTeamsAndItIsAudited() {
		as("admin").get()
			.uri("/api/admin/capacity-forecast?days=7")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.perDay.length()")
			.isEqualTo(7)
			.jsonPath("$.teams[0]")
			.isEqualTo("hjerte")
			.jsonPath("$.patientsPerNurse")
			.isEqualTo(80.0);
		assertThat(audited("SUCCESS")).isPositive();
	}

	@Test
	void othersAndBadRequestsAreRefused() {
		as("sykepleier1").get()
			.uri("/api/admin/capacity-forecast")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:forbidden");
		as("admin").get().uri("/api/admin/capacity-forecast?team=lunge").exchange().expectStatus().isForbidden();
		as("admin").get()
			.uri("/api/admin/capacity-forecast?days=60")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:validation");
		assertThat(audited("DENIED")).isGreaterThanOrEqualTo(2);
	}

	private Long audited(String outcome) {
		return this.db.sql("select count(*) from audit_event where resource = 'capacity-forecast' and outcome = :o")
			.bind("o", outcome)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
