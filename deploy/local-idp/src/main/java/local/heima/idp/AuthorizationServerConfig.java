package local.heima.idp;

import java.util.Set;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The two filter chains of an authorization server: the protocol endpoints first, then
 * the login form for everything else. Declaring them ourselves (instead of Boot's
 * defaults) is what lets the userinfo endpoint return our own claims.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalIdpProperties.class)
class AuthorizationServerConfig {

	@Bean
	DemoDirectory demoDirectory(LocalIdpProperties properties,
			@org.springframework.beans.factory.annotation.Value("${heima.local-idp.load-patients:0}") int loadPatients) {
		if (loadPatients <= 0) {
			return new DemoDirectory(properties);
		}
		// load tests: many synthetic patients beside the configured people
		List<LocalIdpProperties.User> users = new java.util.ArrayList<>(properties.users());
		users.addAll(LoadPatients.users(loadPatients));
		return new DemoDirectory(new LocalIdpProperties(properties.issuer(), users, properties.clients()));
	}

	@Bean
	InMemoryUserDetailsManager userDetailsService(DemoDirectory directory) {
		return directory.userDetailsManager();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(LocalIdpProperties properties) {
		return RegisteredClients.repository(properties.clients());
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(LocalIdpProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		// without an issuer SAS derives it from each request's scheme, host and port
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, DemoDirectory directory,
			AuthorizationServerSettings settings,
			@org.springframework.beans.factory.annotation.Value("${heima.local-idp.dpop-clients:}") Set<String> dpopClients)
			throws Exception {
		// the clients that must send DPoP proofs, with this server's nonce (as HelseID)
		http.addFilterBefore(new DPoPRequired(dpopClients, settings.getTokenEndpoint()),
				AbstractPreAuthenticatedProcessingFilter.class);
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc((oidc) -> oidc.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(directory::userInfo)));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// bearer tokens for the userinfo endpoint
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		// only the authorization endpoint sends people to the login form, whatever Accept
		// header they send;
		// the token and userinfo endpoints keep answering 401 to programs
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
				new LoginUrlAuthenticationEntryPoint("/login"),
				PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint())));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

}
