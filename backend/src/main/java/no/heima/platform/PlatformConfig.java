package no.heima.platform;

import io.r2dbc.spi.Option;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
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

	/**
	 * PostgreSQL ends any statement of Heima's that runs past the request time-out.
	 * Cancelling a request hands its connection back to the pool at once, but a statement
	 * it left running on the server keeps that connection busy, and the next request
	 * given it would wait behind the statement; this bounds that wait.
	 */
	@Bean
	ConnectionFactoryOptionsBuilderCustomizer statementTimeout(HttpProperties http) {
		return (options) -> options.option(Option.valueOf("statementTimeout"), http.requestTimeout());
	}

	@Bean
	OpenAPI heimaOpenApi() {
		return new OpenAPI().info(new Info().title("Heima API")
			.description("Digital home follow-up. Errors are RFC 9457 problem details with stable"
					+ " urn:heima:problem:* types.")
			.version("0.1"));
	}

}
