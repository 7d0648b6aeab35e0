package no.heima.vital;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import no.heima.identity.Allowed;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vital catalogue for the web apps: the one source of codes, units, plausible ranges,
 * decimals and names, so the apps hold no copy. The same for every logged-in user and
 * only changed by a release: cacheable, with an ETag (a repeat with {@code If-None-Match}
 * gets 304).
 */
@Allowed(everyLogin = true)
@RestController
class VitalController {

	/**
	 * Long enough to spare repeat requests, short enough that a release reaches the apps
	 * soon.
	 */
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

	private final List<VitalInfo> catalogue = Arrays.stream(Vital.values()).map(VitalInfo::of).toList();

	private final String etag = "\"" + digest(this.catalogue.toString()) + "\"";

	@Schema(name = "VitalNames", description = "A name in Norwegian bokmål (nb) and English (en)")
	record NamesInfo(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String nb,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String en) {

		static NamesInfo of(Vital.Names names) {
			return new NamesInfo(names.nb(), names.en());
		}

	}

	@Schema(name = "VitalComponent", description = "One value of a vital")
	record ComponentInfo(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "LOINC code; a value's and a threshold's code", example = "8480-6") String code,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The value's name in the web apps' texts (VitalCatalogueIT checks this list)",
					allowableValues = {
							"systolic", "diastolic", "pulse", "heartRate", "oxygenSaturation", "bodyWeight",
							"bodyTemperature", "respiratoryRate", "bloodGlucose" }) String key,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "LOINC display") String display,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "UCUM unit",
					example = "mm[Hg]") String unit,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Lowest plausible input (an input guard, not a clinical limit)") BigDecimal min,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Highest plausible input") BigDecimal max,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Decimals a person types (0 for pressures and counts)") int decimals,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Whether a measurement must have this value") boolean required,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) NamesInfo name){

		static ComponentInfo of(Vital.Component c) {
			return new ComponentInfo(c.loinc(), c.key(), c.display(), c.unit(), c.plausibleMin(), c.plausibleMax(),
					c.decimals(), c.required(), NamesInfo.of(c.name()));
		}

	}

	@Schema(name = "VitalInfo", description = "A vital a pathway can ask for and a patient can record")
	record VitalInfo(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Vital vital,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "LOINC code of the vital (the panel's for blood pressure)") String loinc,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "LOINC display") String display,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "UCUM unit values are stored in") String unit,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) NamesInfo name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ComponentInfo> components) {

		static VitalInfo of(Vital v) {
			return new VitalInfo(v, v.loinc(), v.display(), v.unit(), NamesInfo.of(v.names()),
					v.components().stream().map(ComponentInfo::of).toList());
		}

	}

	/** Every vital, in the catalogue's order; 304 when the caller's copy is current. */
	@GetMapping("/api/vitals")
	ResponseEntity<List<VitalInfo>> vitals() {
		return ResponseEntity.ok().cacheControl(CACHE).eTag(this.etag).body(this.catalogue);
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
