/**
 * Reminders to patients, computed from their care plan's schedule in the patient's zone
 * ({@link no.heima.reminder.ReminderSchedule}): one when a task's window opens and one
 * before it closes, none for a task already done, on a paused day or after the plan
 * ended, and none in the patient's quiet hours. The patient chooses channels (e-mail
 * through Spring's mail support, Web Push with VAPID, SMS through an HTTP provider) and
 * times at {@code /api/me/reminders}. Every replica plans (a unique key lets one insert
 * win) and sends (claims with SKIP LOCKED and a lease); a reminder is checked again just
 * before it goes out, so none is sent for a task done meanwhile. What a reminder says is
 * fixed text with no health data and no message text.
 */
@ApplicationModule(allowedDependencies = { "careplan", "patient", "platform" })
package no.heima.reminder;

import org.springframework.modulith.ApplicationModule;
