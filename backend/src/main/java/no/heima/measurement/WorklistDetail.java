package no.heima.measurement;

import java.util.List;
import no.heima.triage.Assessment;
import no.heima.triage.CouldNotAssess;
import no.heima.triage.Level;
import no.heima.triage.Reason;
import no.heima.triage.RuleVersion;
import no.heima.vital.Vital;

/**
 * What a measurement's worklist item carries besides its summary: the triage result and
 * the values measured, structured, so each viewer's screen can say "Blodtrykk 190/113
 * mmHg" or "Blood pressure 190/113 mmHg" in its own language and units. The triage fields
 * stay at the top level, where readers of the item's reasons find them.
 */
record WorklistDetail(Level level, List<Reason> reasons, boolean assessed, RuleVersion rules,
		CouldNotAssess couldNotAssess, Boolean collectOnly, Vital vital, List<EnteredValue> values) {

	static WorklistDetail of(Measurement m) {
		Assessment triage = m.triage();
		return new WorklistDetail(triage.level(), triage.reasons(), triage.assessed(), triage.rules(),
				triage.couldNotAssess(), triage.collectOnly(), m.vital(), m.values());
	}

}
