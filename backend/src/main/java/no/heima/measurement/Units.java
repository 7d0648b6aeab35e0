package no.heima.measurement;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.fhir.ucum.Decimal;
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
	 * {@code value} in {@code from} expressed in {@code to}; empty when the units are
	 * unknown or measure different things.
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
			if (this.ucum.isComparable(from, to)) {
				return Optional.of(convertComparable(value, from, to));
			}
			if (glucose && this.ucum.isComparable(from, "g/L") && this.ucum.isComparable(to, "mol/L")) {
				BigDecimal gramsPerLitre = convertComparable(value, from, "g/L");
				return Optional.of(convertComparable(gramsPerLitre.divide(GLUCOSE_MOLAR_MASS, MathContext.DECIMAL64),
						"mol/L", to));
			}
			if (glucose && this.ucum.isComparable(from, "mol/L") && this.ucum.isComparable(to, "g/L")) {
				BigDecimal molPerLitre = convertComparable(value, from, "mol/L");
				return Optional.of(convertComparable(molPerLitre.multiply(GLUCOSE_MOLAR_MASS), "g/L", to));
			}
		}
		catch (UcumException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private BigDecimal convertComparable(BigDecimal value, String from, String to) throws UcumException {
		Decimal result = this.ucum.convert(new Decimal(value.toPlainString()), from, to);
		return new BigDecimal(result.asDecimal());
	}

}
