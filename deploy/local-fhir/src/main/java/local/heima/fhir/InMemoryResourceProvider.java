package local.heima.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;

/**
 * Stores one resource type in memory. Create honours
 * {@code If-None-Exist: identifier=system|value} atomically (the whole store is locked),
 * so two racing conditional creates of the same identifier store one resource, as a real
 * server's unique index would. Identifiers are indexed, as a real server's are: a
 * conditional create used to scan every stored resource, so with 80,000 Observations each
 * entry of a bundle took milliseconds under the lock and the server, not Heima, set the
 * drill's delivery rate.
 */
public class InMemoryResourceProvider<T extends DomainResource> implements IResourceProvider {

	private final Class<T> type;

	private final Map<String, T> byId = new LinkedHashMap<>();

	/** {@code system|value} → ids of the resources carrying that identifier. */
	private final Map<String, java.util.Set<String>> byIdentifier = new java.util.HashMap<>();

	private final AtomicLong nextId = new AtomicLong(1);

	public InMemoryResourceProvider(Class<T> type) {
		this.type = type;
	}

	@Override
	public Class<T> getResourceType() {
		return this.type;
	}

	@Create
	public synchronized MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String conditional) {
		if (conditional != null) {
			Identifier wanted = identifierCondition(conditional);
			List<T> existing = matching(wanted.getSystem(), wanted.getValue());
			if (existing.size() > 1) {
				throw new ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException(
						"More than one resource matches " + conditional);
			}
			if (existing.size() == 1) {
				MethodOutcome outcome = new MethodOutcome(existing.get(0).getIdElement(), false);
				outcome.setResource(existing.get(0));
				return outcome;
			}
		}
		String id = String.valueOf(this.nextId.getAndIncrement());
		resource.setId(new IdType(resource.fhirType(), id, "1"));
		store(id, resource);
		MethodOutcome outcome = new MethodOutcome(resource.getIdElement(), true);
		outcome.setResource(resource);
		return outcome;
	}

	/**
	 * Conditional update ({@code PUT Type?identifier=system|value}): replaces the match,
	 * or creates.
	 */
	@Update
	public synchronized MethodOutcome update(@ResourceParam T resource, @IdParam IdType id,
			@ConditionalUrlParam String conditional) {
		String key;
		if (conditional != null) {
			Identifier wanted = identifierCondition(conditional);
			List<T> existing = matching(wanted.getSystem(), wanted.getValue());
			if (existing.size() > 1) {
				throw new ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException(
						"More than one resource matches " + conditional);
			}
			key = existing.isEmpty() ? null : existing.get(0).getIdElement().getIdPart();
		}
		else {
			key = id.getIdPart();
		}
		boolean created = key == null || !this.byId.containsKey(key);
		if (key == null) {
			key = String.valueOf(this.nextId.getAndIncrement());
		}
		long version = created ? 1 : Long.parseLong(this.byId.get(key).getIdElement().getVersionIdPart()) + 1;
		resource.setId(new IdType(resource.fhirType(), key, String.valueOf(version)));
		store(key, resource);
		MethodOutcome outcome = new MethodOutcome(resource.getIdElement(), created);
		outcome.setResource(resource);
		return outcome;
	}

	@Read
	public synchronized T read(@IdParam IdType id) {
		T found = this.byId.get(id.getIdPart());
		if (found == null) {
			throw new ResourceNotFoundException(id);
		}
		return found;
	}

	/**
	 * {@code identifier=system|value}, {@code identifier=system|} (any value) or none
	 * (all).
	 */
	@Search
	public synchronized List<IBaseResource> search(@OptionalParam(name = "identifier") TokenParam identifier) {
		if (identifier == null) {
			return new ArrayList<>(this.byId.values());
		}
		return new ArrayList<>(matching(identifier.getSystem(), identifier.getValue()));
	}

	public synchronized int size() {
		return this.byId.size();
	}

	public synchronized void clear() {
		this.byId.clear();
		this.byIdentifier.clear();
	}

	private void store(String id, T resource) {
		T before = this.byId.put(id, resource);
		if (before != null) {
			for (Identifier old : identifiers(before)) {
				java.util.Set<String> ids = this.byIdentifier.get(old.getSystem() + "|" + old.getValue());
				if (ids != null) {
					ids.remove(id);
				}
			}
		}
		for (Identifier identifier : identifiers(resource)) {
			this.byIdentifier
				.computeIfAbsent(identifier.getSystem() + "|" + identifier.getValue(),
						(k) -> new java.util.LinkedHashSet<>())
				.add(id);
		}
	}

	private List<T> matching(String system, String value) {
		if (system != null && !system.isEmpty() && value != null && !value.isEmpty()) {
			List<T> result = new ArrayList<>();
			for (String id : this.byIdentifier.getOrDefault(system + "|" + value, java.util.Set.of())) {
				result.add(this.byId.get(id));
			}
			return result;
		}
		List<T> result = new ArrayList<>();
		for (T resource : this.byId.values()) {
			for (Identifier candidate : identifiers(resource)) {
				boolean systemMatches = system == null || system.isEmpty() || system.equals(candidate.getSystem());
				boolean valueMatches = value == null || value.isEmpty() || value.equals(candidate.getValue());
				if (systemMatches && valueMatches) {
					result.add(resource);
					break;
				}
			}
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static List<Identifier> identifiers(DomainResource resource) {
		if (resource instanceof Patient patient) {
			return patient.getIdentifier();
		}
		Property property = resource.getNamedProperty("identifier");
		if (property == null) {
			return List.of();
		}
		List<Identifier> result = new ArrayList<>();
		property.getValues().forEach((v) -> result.add((Identifier) v));
		return result;
	}

	/**
	 * Only {@code Type?identifier=system|value} conditions are understood, as Heima sends
	 * them.
	 */
	private static Identifier identifierCondition(String conditional) {
		String query = conditional.substring(conditional.indexOf('?') + 1);
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals("identifier")) {
				String token = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				int bar = token.indexOf('|');
				return (bar < 0) ? new Identifier().setValue(token)
						: new Identifier().setSystem(token.substring(0, bar)).setValue(token.substring(bar + 1));
			}
		}
		throw new InvalidRequestException("Only identifier conditions are supported here: " + conditional);
	}

}
