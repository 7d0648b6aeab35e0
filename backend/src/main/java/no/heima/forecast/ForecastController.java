package no.heima.forecast;

import java.util.List;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The capacity forecast of the admin's teams ({@code team}: one of them) for the next
 * {@code days} days, today included.
 */
@Allowed(Role.ADMIN)
@RestController
class ForecastController {

	private final ForecastService forecasts;

	private final CurrentUsers users;

	ForecastController(ForecastService forecasts, CurrentUsers users) {
		this.forecasts = forecasts;
		this.users = users;
	}

	@GetMapping("/api/admin/capacity-forecast")
	Mono<CapacityForecast> forecast(@RequestParam(required = false) String team,
			@RequestParam(defaultValue = "14") int days) {
		String chosen = (team == null || team.isBlank()) ? null : team.strip();
		if (chosen != null && chosen.length() > 100) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("team", "length", "A team name has at most 100 characters"))));
		}
		String scope = chosen;
		return this.users.current().flatMap((user) -> this.forecasts.forecast(user, scope, days));
	}

}
