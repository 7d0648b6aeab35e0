package no.heima.response;

import java.util.List;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.identity.CurrentUser;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayService;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.submission.SubmissionTarget;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The logged-in patient's questionnaire task a response or a draft belongs to. */
@Component
class ResponseTasks {

	private final PatientService patients;

	private final CarePlanService carePlans;

	private final PathwayService pathways;

	ResponseTasks(PatientService patients, CarePlanService carePlans, PathwayService pathways) {
		this.patients = patients;
		this.carePlans = carePlans;
		this.pathways = pathways;
	}

	/** The canonical (url|version) of the questionnaire the task asks for. */
	static String canonical(SubmissionTarget task) {
		return task.activity().questionnaireUrl() + "|" + task.activity().questionnaireVersion();
	}

	/** An open task: an ENDED plan takes no more answers or drafts. */
	Mono<SubmissionTarget> open(CurrentUser actor, UUID carePlanId, String activityId) {
		return task(actor, carePlanId, activityId).flatMap((task) -> (task.plan().status() == CarePlan.Status.ENDED)
				? Mono.error(new HeimaProblemException(ProblemType.STATE_CONFLICT, "The care plan has ended"))
				: Mono.just(task));
	}

	Mono<SubmissionTarget> task(CurrentUser actor, UUID carePlanId, String activityId) {
		// every caller writes its own audit row for the patient, so the lookup adds none
		return this.patients.ownForSubmission(actor)
			.flatMap((patient) -> this.carePlans.plansOfPatient(patient.id())
				.filter((plan) -> plan.id().equals(carePlanId))
				.next()
				.switchIfEmpty(Mono.error(HeimaProblemException
					.validation(List.of(new FieldProblem("carePlanId", "unknown", "Not one of your care plans")))))
				.flatMap((plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
					.flatMap((pathway) -> Mono.justOrEmpty(pathway.activity(activityId)
						.filter((a) -> a.type() == Activity.Type.QUESTIONNAIRE)
						.map((activity) -> new SubmissionTarget(patient, plan, pathway, activity)))))
				.switchIfEmpty(Mono.error(HeimaProblemException.validation(
						List.of(new FieldProblem("activityId", "unknown", "Not a questionnaire of this care plan"))))));
	}

}
