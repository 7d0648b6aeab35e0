package local.heima.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a hospital deploys, checked in the build without a cluster or a Docker engine: the
 * compose file and every Kubernetes object parse and carry what a cluster requires, the
 * pieces refer to each other correctly, no Secret value is written down, and the Keycloak
 * realm holds the clients, roles and claims the backend expects.
 */
class DeployFilesTest {

	private static final Path DEPLOY = Path.of(System.getProperty("heima.deploy", "..")).toAbsolutePath().normalize();

	private static final Path BACKEND = DEPLOY.resolveSibling("backend");

	private static final Pattern PINNED_IMAGE = Pattern.compile("[^:@\\s]+(:[^:\\s]*\\d[^:\\s]*|@sha256:[0-9a-f]{64})");

	// ---------------------------------------------------------------- compose

	@Test
	void composeRunsEveryPieceFromPinnedImages() throws IOException {
		Map<String, Object> compose = yaml(DEPLOY.resolve("compose/compose.yaml")).get(0);
		Map<String, Object> services = map(compose.get("services"));
		assertThat(services).containsKeys("postgres", "keycloak", "hapi", "valkey", "heima-1", "heima-2", "proxy");
		services.forEach((name, value) -> {
			String image = (String) map(value).get("image");
			assertThat(image).as(name + " image").isNotBlank();
			if (!name.startsWith("heima-")) {
				assertThat(image).as(name + " image pinned (no latest)")
					.matches(PINNED_IMAGE)
					.doesNotEndWith(":latest");
			}
		});
		assertThat((String) map(services.get("postgres")).get("image")).matches("postgres:\\d+.*");
		assertThat((String) map(services.get("hapi")).get("image")).startsWith("hapiproject/hapi:v8");
	}

	@Test
	void composeReplicasShareSessionsAndGetTheirSecretsFromTheEnvFile() throws IOException {
		Map<String, Object> services = map(yaml(DEPLOY.resolve("compose/compose.yaml")).get(0).get("services"));
		for (String replica : List.of("heima-1", "heima-2")) {
			Map<String, Object> heima = map(services.get(replica));
			Map<String, Object> env = map(heima.get("environment"));
			assertThat(env).as(replica).containsEntry("HEIMA_SESSION_STORE", "redis");
			assertThat(env.get("SPRING_DATA_REDIS_URL")).as(replica).asString().startsWith("redis://valkey:");
			assertThat(env.get("HEIMA_FHIR_URL")).asString().startsWith("http://hapi:8080/");
			assertThat(env.get("HEIMA_OIDC_ISSUER")).asString().endsWith("/realms/heima");
			assertThat(env.get("HEIMA_DB_USER")).isNotEqualTo(env.get("HEIMA_DB_MIGRATION_USER"));
			env.forEach((key, value) -> {
				if (key.contains("SECRET") || key.contains("PASSWORD")) {
					assertThat(String.valueOf(value)).as(replica + " " + key + " comes from the env file")
						.startsWith("${");
				}
			});
			assertThat(map(heima.get("build")).get("dockerfile")).isEqualTo("deploy/Dockerfile");
		}
		String caddy = Files.readString(DEPLOY.resolve("compose/caddy/Caddyfile"));
		assertThat(caddy).contains("heima-1:8080").contains("heima-2:8080").contains("tls ");
		assertThat(DEPLOY.resolve("compose/postgres/init-databases.sh")).exists();
		assertThat(DEPLOY.resolve("compose/README.md")).exists();
	}

	// ---------------------------------------------------------------- Kubernetes

	@Test
	void everyKubernetesObjectHasWhatAClusterRequires() throws Exception {
		List<Map<String, Object>> objects = kubernetesObjects();
		assertThat(objects).extracting((o) -> (String) o.get("kind"))
			.contains("Deployment", "Service", "Ingress", "PodDisruptionBudget", "HorizontalPodAutoscaler",
					"NetworkPolicy", "ConfigMap", "ServiceAccount", "Cluster", "ScheduledBackup")
			.doesNotContain("Secret");
		for (Map<String, Object> object : objects) {
			String what = object.get("kind") + " in " + object.get("_file");
			assertThat(object.get("apiVersion")).as(what + " apiVersion").isInstanceOf(String.class);
			assertThat((String) map(object.get("metadata")).get("name")).as(what + " metadata.name")
				.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
		}
	}

	@Test
	void theDeploymentIsHighlyAvailableProbedBoundedAndUnprivileged() throws Exception {
		Map<String, Object> deployment = only(kubernetesObjects(), "Deployment");
		Map<String, Object> spec = map(deployment.get("spec"));
		assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
		Map<String, Object> template = map(spec.get("template"));
		assertThat(map(map(template.get("metadata")).get("labels")))
			.containsAllEntriesOf(map(map(spec.get("selector")).get("matchLabels")));
		Map<String, Object> pod = map(template.get("spec"));
		assertThat(map(pod.get("securityContext"))).containsEntry("runAsNonRoot", true);
		List<Map<String, Object>> containers = list(pod.get("containers"));
		assertThat(containers).isNotEmpty();
		for (Map<String, Object> container : containers) {
			assertThat((String) container.get("image")).isNotBlank();
			Map<String, Object> resources = map(container.get("resources"));
			assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
			assertThat(map(resources.get("limits"))).containsKey("memory");
			for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
				String path = (String) map(map(container.get(probe)).get("httpGet")).get("path");
				assertThat(path).as(probe).matches("/actuator/health/(liveness|readiness)");
			}
			assertThat(map(map(container.get("readinessProbe")).get("httpGet"))).containsEntry("path",
					"/actuator/health/readiness");
			Map<String, Object> security = map(container.get("securityContext"));
			assertThat(security).containsEntry("allowPrivilegeEscalation", false)
				.containsEntry("readOnlyRootFilesystem", true);
			// a read-only root needs a writable /tmp
			assertThat(list(container.get("volumeMounts"))).anyMatch((m) -> "/tmp".equals(m.get("mountPath")));
			for (Map<String, Object> env : list(container.get("env"))) {
				String name = (String) env.get("name");
				assertThat(env).as(name + " has no literal value").doesNotContainKey("value");
				if (name.contains("SECRET") || name.contains("PASSWORD")) {
					assertThat(map(env.get("valueFrom"))).as(name).containsKey("secretKeyRef");
				}
			}
			Set<String> ports = list(container.get("ports")).stream()
				.map((p) -> (String) p.get("name"))
				.collect(Collectors.toSet());
			Map<String, Object> service = only(kubernetesObjects(), "Service");
			assertThat(map(service.get("spec")).get("selector"))
				.isEqualTo(map(spec.get("selector")).get("matchLabels"));
			for (Map<String, Object> port : list(map(service.get("spec")).get("ports"))) {
				assertThat(ports).contains((String) port.get("targetPort"));
			}
		}
		// the probes' groups exist in the backend
		assertThat(Files.readString(BACKEND.resolve("src/main/resources/application.yaml")))
			.containsPattern("probes:\\s+enabled: true");
	}

	@Test
	void theOtherObjectsPointAtTheDeploymentAndTheDatabaseHasLeastPrivilegeRoles() throws Exception {
		List<Map<String, Object>> objects = kubernetesObjects();
		Map<String, Object> hpa = map(only(objects, "HorizontalPodAutoscaler").get("spec"));
		assertThat(map(hpa.get("scaleTargetRef"))).containsEntry("kind", "Deployment").containsEntry("name", "heima");
		assertThat((Integer) hpa.get("minReplicas")).isGreaterThanOrEqualTo(2);
		Map<String, Object> pdb = map(only(objects, "PodDisruptionBudget").get("spec"));
		assertThat(map(pdb.get("selector")).get("matchLabels"))
			.isEqualTo(map(map(only(objects, "Deployment").get("spec")).get("selector")).get("matchLabels"));
		for (Map<String, Object> rule : list(map(only(objects, "Ingress").get("spec")).get("rules"))) {
			for (Map<String, Object> path : list(map(rule.get("http")).get("paths"))) {
				assertThat(map(map(path.get("backend")).get("service"))).containsEntry("name", "heima");
				assertThat((String) path.get("path")).as("metrics stay inside").doesNotStartWith("/actuator");
			}
		}
		Map<String, Object> cluster = map(only(objects, "Cluster").get("spec"));
		assertThat((Integer) cluster.get("instances")).isGreaterThanOrEqualTo(3);
		Map<String, Object> initdb = map(map(cluster.get("bootstrap")).get("initdb"));
		assertThat(initdb).containsEntry("owner", "heima_owner");
		assertThat(list(map(cluster.get("managed")).get("roles"))).anyMatch((r) -> "heima_app".equals(r.get("name")));
		assertThat(String.join("\n", (List<String>) initdb.get("postInitApplicationSQL")))
			.contains("GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO heima_app")
			.doesNotContainIgnoringCase("GRANT ALL");
		assertThat(cluster).containsKey("plugins");
		// the app connects as the app role, Flyway as the owner: both from Secrets
		String deployment = Files.readString(DEPLOY.resolve("k8s/base/deployment.yaml"));
		assertThat(deployment).contains("name: heima-db-app").contains("name: heima-db-owner");
		// the backend's keys for the two roles (heima.db.username /
		// heima.db.migration.username)
		assertThat(deployment).contains("name: HEIMA_DB_USER", "name: HEIMA_DB_PASSWORD",
				"name: HEIMA_DB_MIGRATION_USER", "name: HEIMA_DB_MIGRATION_PASSWORD");
	}

	@Test
	void kustomizeListsEveryBaseFileAndRendersTheOverlay() throws Exception {
		Path base = DEPLOY.resolve("k8s/base");
		Map<String, Object> kustomization = yaml(base.resolve("kustomization.yaml")).get(0);
		Set<String> listed = new HashSet<>((List<String>) kustomization.get("resources"));
		try (var files = Files.list(base)) {
			Set<String> present = files.map((p) -> p.getFileName().toString())
				.filter((n) -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
				.collect(Collectors.toSet());
			assertThat(listed).isEqualTo(present);
		}
		// with kubectl at hand (it is on the build machines), render the overlay for real
		Path overlay = DEPLOY.resolve("k8s/overlays/production");
		if (onPath("kubectl")) {
			Process kustomize = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true)
				.start();
			String rendered = new String(kustomize.getInputStream().readAllBytes());
			assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(kustomize.exitValue()).as(rendered).isZero();
			List<Map<String, Object>> objects = new ArrayList<>();
			loader().loadAll(rendered).forEach((o) -> objects.add(map(o)));
			assertThat(objects)
				.allSatisfy((o) -> assertThat(map(o.get("metadata"))).containsEntry("namespace", "heima"));
			assertThat(rendered).contains("image: registry.hospital.example/heima/heima:0.1.0");
		}
	}

	// ---------------------------------------------------------------- Keycloak realm

	@Test
	void theRealmHoldsTheClientsRolesAndClaimsTheBackendExpects() throws Exception {
		Map<String, Object> realm = map(
				loader().load(Files.readString(DEPLOY.resolve("compose/keycloak/heima-realm.json"))));
		String application = Files.readString(BACKEND.resolve("src/main/resources/application.yaml"));

		// the backend's client ids and registrations (patient, clinician)
		Map<String, String> clientIds = Map.of("patient", defaultOf(application, "HEIMA_PATIENT_CLIENT_ID"),
				"clinician", defaultOf(application, "HEIMA_CLINICIAN_CLIENT_ID"));
		List<Map<String, Object>> clients = list(realm.get("clients"));
		Map<String, Object> backendConfig = yaml(BACKEND.resolve("src/main/resources/application.yaml")).get(0);
		Map<String, Object> claims = map(map(map(backendConfig.get("heima")).get("identity")).get("claims"));
		for (var registration : clientIds.entrySet()) {
			Map<String, Object> client = clients.stream()
				.filter((c) -> registration.getValue().equals(c.get("clientId")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no client " + registration.getValue()));
			assertThat(client).containsEntry("publicClient", false).containsEntry("standardFlowEnabled", true);
			assertThat((String) client.get("secret")).as("secret from the environment").startsWith("${");
			assertThat((List<String>) client.get("redirectUris"))
				.allMatch((u) -> u.endsWith("/login/oauth2/code/" + registration.getKey()));
			Set<String> claimNames = list(client.get("protocolMappers")).stream()
				.map((m) -> (String) map(m.get("config")).get("claim.name"))
				.collect(Collectors.toSet());
			// name comes from Keycloak's built-in profile scope
			assertThat((List<String>) client.get("defaultClientScopes")).contains("profile");
			assertThat(claimNames).contains((String) claims.get("roles"), (String) claims.get("teams"),
					(String) claims.get("national-id"));
		}

		Set<String> roles = list(map(realm.get("roles")).get("realm")).stream()
			.map((r) -> (String) r.get("name"))
			.collect(Collectors.toSet());
		assertThat(roles).containsExactlyInAnyOrderElementsOf(backendRoles());

		List<Map<String, Object>> users = list(realm.get("users"));
		assertThat(users).extracting((u) -> (String) u.get("username")).contains("pasient1", "sykepleier1", "admin");
		for (Map<String, Object> user : users) {
			assertThat(roles).containsAll((List<String>) user.get("realmRoles"));
			Map<String, Object> attributes = map(user.get("attributes"));
			assertThat((List<String>) attributes.get("teams")).isNotEmpty();
			// synthetic people only: Tenor test numbers have month + 80
			String pid = ((List<String>) attributes.get("pid")).get(0);
			assertThat(pid).matches("\\d{11}");
			assertThat(Integer.parseInt(pid.substring(2, 4))).isGreaterThan(80);
			for (Map<String, Object> credential : list(user.get("credentials"))) {
				assertThat((String) credential.get("value")).startsWith("${");
			}
		}
	}

	// ---------------------------------------------------------------- helpers

	private static List<String> backendRoles() throws IOException {
		String source = Files.readString(BACKEND.resolve("src/main/java/no/heima/identity/Role.java"));
		Matcher constants = Pattern.compile("enum Role \\{\\s*([A-Z_,\\s]+?)\\s*[;}]").matcher(source);
		assertThat(constants.find()).isTrue();
		return List.of(constants.group(1).trim().split("\\s*,\\s*"));
	}

	private static String defaultOf(String application, String variable) {
		Matcher m = Pattern.compile("\\$\\{" + variable + ":([^}]+)}").matcher(application);
		assertThat(m.find()).as(variable + " in application.yaml").isTrue();
		return m.group(1);
	}

	private static List<Map<String, Object>> kubernetesObjects() throws IOException {
		List<Map<String, Object>> objects = new ArrayList<>();
		try (var files = Files.list(DEPLOY.resolve("k8s/base"))) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList()) {
				if (file.getFileName().toString().equals("kustomization.yaml")) {
					continue;
				}
				for (Map<String, Object> object : yaml(file)) {
					object.put("_file", file.getFileName().toString());
					objects.add(object);
				}
			}
		}
		return objects;
	}

	private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
		List<Map<String, Object>> found = objects.stream().filter((o) -> kind.equals(o.get("kind"))).toList();
		assertThat(found).as(kind).hasSize(1);
		return found.get(0);
	}

	private static List<Map<String, Object>> yaml(Path file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : loader().loadAll(Files.readString(file))) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		assertThat(documents).as(file + " has documents").isNotEmpty();
		return documents;
	}

	private static Yaml loader() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Map<String, Object>>) value;
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && List.of(path.split(java.io.File.pathSeparator))
			.stream()
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

}
