package no.heima.reminder;

import java.util.UUID;

/** Where a patient's reminders go, read when one is sent (never stored with it). */
record Recipient(UUID patientId, String email, String phone, String language) {
}
