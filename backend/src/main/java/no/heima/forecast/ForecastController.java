package no.heima.forecast;

import no.heima.identity.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The capacity forecast of the admin's teams ({@code team}: one of them) for the next
 * {@code days} days, today included.
 */
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
			chosen = chosen.substring(0, 100);
		}
		String scope = chosen;
		return this.users.current().flatMap((user) -> this.forecasts.forecast(user, scope, days));
	}

}
