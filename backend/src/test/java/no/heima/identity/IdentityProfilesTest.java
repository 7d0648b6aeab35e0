package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The documented property sets for each identity provider (application-idporten,
 * -helseid, -entra, -keycloak.yaml), loaded as Spring Boot loads them over
 * application.yaml with the environment a hospital sets, and applied to tokens shaped as
 * each provider issues them.
 */
class IdentityProfilesTest {

	@Test
	void idPortenAsksForPkceAndTheHighLevelChecksAcrAndReadsPid() throws IOException {
		Binder config = load("idporten", Map.of("HEIMA_PATIENT_CLIENT_ID", "heima-idporten", "HEIMA_PATIENT_ISSUER",
				"https://test.idporten.no"));
		assertThat(text(config, "spring.security.oauth2.client.provider.patient.issuer-uri"))
			.isEqualTo("https://test.idporten.no");
		IdentityProperties identity = identity(config);
		IdentityProperties.Login login = identity.clients().get("patient").login();
		assertThat(login.pkce()).isTrue();
		assertThat(login.acrValues()).isEqualTo("idporten-loa-high");
		assertThat(login.acceptedAcr()).containsExactly("idporten-loa-high");

		var acr = ProviderLogins.acrValidator(identity, "patient");
		assertThat(acr.validate(token(Map.of("acr", "idporten-loa-high"))).hasErrors()).isFalse();
		assertThat(acr.validate(token(Map.of("acr", "idporten-loa-substantial"))).getErrors()).singleElement()
			.satisfies((e) -> assertThat(e.getErrorCode()).isEqualTo(ProviderLogins.INSUFFICIENT_ACR));
		assertThat(acr.validate(token(Map.of("sub", "x"))).hasErrors()).as("no acr at all").isTrue();

		// an ID-porten ID token: pid, no roles, no name
		CurrentUser patient = new ClaimsMapper(identity).map("idporten-sub",
				Map.of("pid", "12837540028", "acr", "idporten-loa-high", "amr", List.of("BankID")), "patient");
		assertThat(patient.roles()).containsExactly(Role.PATIENT);
		assertThat(patient.nationalId()).isEqualTo("12837540028");
		// the clinician side is untouched by this profile
		assertThat(identity.clients().get("clinician").login().acceptedAcr()).isEmpty();
	}

	@Test
	void helseIdSignsItsClientAuthenticationAndMapsHprNumberAndOrganisation() throws IOException {
		Binder config = load("helseid",
				Map.of("HEIMA_CLINICIAN_CLIENT_ID", "helseid-client", "HEIMA_CLINICIAN_PRIVATE_KEY",
						"file:/run/secrets/helseid/jwk.json"),
				// the mounted organisation → team file (SPRING_CONFIG_IMPORT)
				Map.of("heima.identity.clients.clinician.team-aliases.999999999", "hjerte"));
		assertThat(text(config, "spring.security.oauth2.client.registration.clinician.client-authentication-method"))
			.isEqualTo("private_key_jwt");
		assertThat(text(config, "spring.security.oauth2.client.registration.clinician.scope"))
			.contains("helseid://scopes/hpr/hpr_number");
		assertThat(text(config, "spring.security.oauth2.client.provider.clinician.issuer-uri"))
			.isEqualTo("https://helseid-sts.nhn.no");
		IdentityProperties identity = identity(config);
		IdentityProperties.Client clinician = identity.clients().get("clinician");
		assertThat(clinician.login().privateKey()).isEqualTo("file:/run/secrets/helseid/jwk.json");
		assertThat(clinician.login().assertionAudience()).isEqualTo("issuer");
		assertThat(clinician.login().pkce()).isTrue();
		assertThat(clinician.login().dpop()).as("DPoP-bound access tokens by default").isTrue();

		ClaimsMapper mapper = new ClaimsMapper(identity);
		CurrentUser nurse = mapper.map("helseid-sub",
				Map.of("name", "Nina Berg", "helseid://claims/identity/pid", "05848140009",
						"helseid://claims/hpr/hpr_number", "565501872", "helseid://claims/client/claims/orgnr_child",
						"999999999", "helseid://claims/identity/security_level", "4"),
				"clinician");
		assertThat(nurse.roles()).containsExactly(Role.CLINICIAN);
		assertThat(nurse.teams()).containsExactly("hjerte");
		assertThat(nurse.nationalId()).isEqualTo("05848140009");

		// no HPR number: not health personnel, no role; an unknown organisation: no team
		CurrentUser other = mapper.map("helseid-sub-2", Map.of("helseid://claims/identity/pid", "17859240097",
				"helseid://claims/client/claims/orgnr_child", "888888888"), "clinician");
		assertThat(other.roles()).isEmpty();
		assertThat(other.teams()).isEmpty();
	}

	@Test
	void entraIdTurnsGroupIdsIntoRolesAndTeams() throws IOException {
		String nurses = "5f1c3c1e-8a64-4c6e-9d0f-0c9f2e7a1b11";
		String admins = "0b7e2f4a-1d3c-4e5f-8a9b-7c6d5e4f3a21";
		String cardiology = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
		Binder config = load("entra", Map.of("HEIMA_ENTRA_TENANT_ID", "tenant-1", "HEIMA_CLINICIAN_CLIENT_ID", "app"),
				// what the mounted groups file holds (SPRING_CONFIG_IMPORT)
				Map.of("heima.identity.clients.clinician.role-aliases." + nurses, "CLINICIAN",
						"heima.identity.clients.clinician.role-aliases." + admins, "ADMIN",
						"heima.identity.clients.clinician.team-aliases." + cardiology, "hjerte"));
		assertThat(text(config, "spring.security.oauth2.client.provider.clinician.issuer-uri"))
			.isEqualTo("https://login.microsoftonline.com/tenant-1/v2.0");
		CurrentUser user = new ClaimsMapper(identity(config)).map("entra-oid",
				Map.of("name", "Anne Dahl", "groups", List.of(nurses, admins, cardiology, "some-other-group")),
				"clinician");
		assertThat(user.roles()).containsExactlyInAnyOrder(Role.CLINICIAN, Role.ADMIN);
		assertThat(user.teams()).containsExactly("hjerte");
	}

	@Test
	void keycloakNeedsOnlyTheIssuerAndKeepsTheRealmsClaimNames() throws IOException {
		Binder config = load("keycloak", Map.of("HEIMA_OIDC_ISSUER", "https://login.example/realms/heima"));
		assertThat(text(config, "spring.security.oauth2.client.provider.clinician.issuer-uri"))
			.isEqualTo("https://login.example/realms/heima");
		IdentityProperties identity = identity(config);
		assertThat(identity.clients().get("patient").login().pkce()).isTrue();
		assertThat(identity.clients().get("clinician").login().dpop()).as("Keycloak: bearer tokens").isFalse();
		CurrentUser nurse = new ClaimsMapper(identity).map("kc-sub", Map.of("name", "Nina Berg", "roles",
				List.of("CLINICIAN", "offline_access"), "teams", List.of("hjerte"), "pid", "05848140009"), "clinician");
		assertThat(nurse.roles()).containsExactly(Role.CLINICIAN);
		assertThat(nurse.teams()).containsExactly("hjerte");
	}

	private static Binder load(String profile, Map<String, Object> environment) throws IOException {
		return load(profile, environment, Map.of());
	}

	private static Binder load(String profile, Map<String, Object> environment, Map<String, Object> mountedFile)
			throws IOException {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("environment", environment));
		env.getPropertySources().addLast(new MapPropertySource("mounted", mountedFile));
		YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
		for (String file : List.of("application-" + profile + ".yaml", "application.yaml")) {
			yaml.load(file, new ClassPathResource(file)).forEach(env.getPropertySources()::addLast);
		}
		return Binder.get(env);
	}

	private static IdentityProperties identity(Binder config) {
		return config.bind("heima.identity", IdentityProperties.class).get();
	}

	private static String text(Binder config, String key) {
		return config.bind(key, String.class).get();
	}

	private static Jwt token(Map<String, Object> claims) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claims((c) -> c.putAll(claims))
			.issuedAt(Instant.now())
			.build();
	}

}
