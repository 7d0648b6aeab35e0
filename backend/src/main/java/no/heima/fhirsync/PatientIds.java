package no.heima.fhirsync;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The FHIR server's id of each patient Heima has delivered for (national identifier →
 * {@code Patient/123}). A lookup per bundle and patient was the delivery path's largest
 * cost (a search round trip for most rows of a batch); a patient's id on a server rarely
 * changes, and when it does (a merge, a deleted test patient) the bundle that meets it is
 * refused and its patients are forgotten here, so the rows are sent again with fresh
 * lookups. Only patients found (or created) are kept: one the server does not know yet is
 * asked for again on the next try. Entries expire after {@code ttl} in any case.
 */
final class PatientIds {

	private final Cache<String, String> ids;

	PatientIds(Duration ttl, long maximum) {
		this.ids = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximum).build();
	}

	static String key(String system, String value) {
		return system + "|" + value;
	}

	Optional<String> get(String key) {
		return Optional.ofNullable(this.ids.getIfPresent(key));
	}

	void put(String key, String serverId) {
		this.ids.put(key, serverId);
	}

	void forget(Collection<String> keys) {
		this.ids.invalidateAll(keys);
	}

	long size() {
		return this.ids.estimatedSize();
	}

}
