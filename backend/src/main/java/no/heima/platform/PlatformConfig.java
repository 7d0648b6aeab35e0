package no.heima.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlatformConfig {

	/**
	 * Netty, chosen explicitly: the local launcher and the tests put servlet containers
	 * on the same classpath (the local login provider and FHIR server), and Boot would
	 * otherwise prefer them.
	 */
	@Bean
	NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
		return new NettyReactiveWebServerFactory();
	}

	/** Dates people see (birth dates, due days) are Norwegian calendar days. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Europe/Oslo"));
	}

	@Bean
	OpenAPI heimaOpenApi() {
		return new OpenAPI().info(new Info().title("Heima API")
			.description("Digital home follow-up. Errors are RFC 9457 problem details with stable"
					+ " urn:heima:problem:* types.")
			.version("0.1"));
	}

}
