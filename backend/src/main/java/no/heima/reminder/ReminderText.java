package no.heima.reminder;

/**
 * What a reminder says, in the patient's language: fixed text, never the task's title, a
 * value or a message, since an e-mail, a text message or a lock screen is read by others.
 */
record ReminderText(String subject, String body) {

	static ReminderText of(String language, ReminderSchedule.Kind kind) {
		boolean english = language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en");
		if (english) {
			return new ReminderText("You have a task due in Heima", (kind == ReminderSchedule.Kind.CLOSING)
					? "You have a task due in Heima. The time for it ends soon." : "You have a task due in Heima.");
		}
		return new ReminderText("Du har en oppgave i Heima", (kind == ReminderSchedule.Kind.CLOSING)
				? "Du har en oppgave i Heima. Tiden for den går snart ut." : "Du har en oppgave i Heima.");
	}

}
