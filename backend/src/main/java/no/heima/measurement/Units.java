package no.heima.measurement;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.fhir.ucum.BaseUnit;
import org.fhir.ucum.Concept;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.DefinedUnit;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;
import org.springframework.stereotype.Component;

/**
 * Unit conversion through the UCUM library (never by hand-written factors). The one
 * conversion UCUM cannot do alone, mass to substance concentration for glucose (mg/dL to
 * mmol/L), goes through g/L and mol/L with glucose's molar mass.
 */
@Component
public class Units {

	/** C6H12O6, g/mol. */
	static final BigDecimal GLUCOSE_MOLAR_MASS = new BigDecimal("180.156");

	private final UcumService ucum;

	Units() {
		try (InputStream essence = Units.class.getResourceAsStream("/ucum-essence.xml")) {
			this.ucum = new UcumEssenceService(essence);
		}
		catch (Exception ex) {
			throw new IllegalStateException("UCUM definitions (ucum-essence.xml) could not be read", ex);
		}
	}

	/**
	 * The conversion between two known, comparable units failed: the input was right, the
	 * conversion was not, so the value is kept as entered and goes to a clinician.
	 */
	public static class ConversionFailed extends RuntimeException {

		ConversionFailed(String from, String to, Throwable cause) {
			super("'" + from + "' could not be converted to '" + to + "': " + cause.getMessage(), cause);
		}

	}

	/**
	 * {@code value} in {@code from} expressed in {@code to}; empty when the units are
	 * unknown or measure different things.
	 * @throws ConversionFailed when both units are known and comparable but the
	 * conversion fails
	 * @param glucose allow mass ↔ substance concentration via glucose's molar mass
	 */
	public Optional<BigDecimal> convert(BigDecimal value, String from, String to, boolean glucose) {
		if (from == null || from.isBlank() || this.ucum.validate(from) != null || this.ucum.validate(to) != null) {
			return Optional.empty();
		}
		if (from.equals(to)) {
			return Optional.of(value);
		}
		try {
			if (comparable(from, to)) {
				return Optional.of(convertComparable(value, from, to));
			}
			if (glucose && comparable(from, "g/L") && comparable(to, "mol/L")) {
				BigDecimal gramsPerLitre = convertComparable(value, from, "g/L");
				return Optional.of(convertComparable(gramsPerLitre.divide(GLUCOSE_MOLAR_MASS, MathContext.DECIMAL64),
						"mol/L", to));
			}
			if (glucose && comparable(from, "mol/L") && comparable(to, "g/L")) {
				BigDecimal molPerLitre = convertComparable(value, from, "mol/L");
				return Optional.of(convertComparable(molPerLitre.multiply(GLUCOSE_MOLAR_MASS), "g/L", to));
			}
		}
		catch (UcumException | RuntimeException ex) {
			throw new ConversionFailed(from, to, ex);
		}
		return Optional.empty();
	}

	/**
	 * Whether two units measure the same kind of thing. The library cannot compare units
	 * on an offset scale (Cel, [degF]); for two plain unit codes it names the same
	 * property (e.g. temperature) they are the same kind, and converting them is then
	 * attempted (and fails loudly).
	 */
	private boolean comparable(String from, String to) {
		try {
			return this.ucum.isComparable(from, to);
		}
		catch (UcumException | RuntimeException ex) {
			String property = property(from);
			return property != null && property.equals(property(to));
		}
	}

	private String property(String code) {
		if (this.ucum instanceof UcumEssenceService essence) {
			Concept unit = essence.getModel().getUnit(code);
			if (unit == null) {
				unit = essence.getModel().getBaseUnit(code);
			}
			if (unit instanceof DefinedUnit defined) {
				return defined.getProperty();
			}
			if (unit instanceof BaseUnit base) {
				return base.getProperty();
			}
		}
		return null;
	}

	private BigDecimal convertComparable(BigDecimal value, String from, String to) throws UcumException {
		Decimal result = this.ucum.convert(new Decimal(value.toPlainString()), from, to);
		return new BigDecimal(result.asDecimal());
	}

}
