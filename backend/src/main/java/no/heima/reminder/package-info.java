/**
 * Reminders to patients, computed from their care plan's schedule in the patient's zone:
 * one when a task's window opens and one before it closes, none for a task already done,
 * on a paused day or after the plan ended, and none in the patient's quiet hours. What a
 * reminder says is fixed text with no health data and no message text. So far only the
 * computation ({@link ReminderSchedule}); sending (e-mail, Web Push, SMS) and the
 * patient's choices are to come.
 */
package no.heima.reminder;
