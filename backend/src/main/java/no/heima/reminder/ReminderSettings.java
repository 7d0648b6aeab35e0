package no.heima.reminder;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * The patient's reminder choices as the API shows them, with what the choice can be made
 * from: the channels this server offers, whether an e-mail address and a phone number are
 * on record, the VAPID key a device subscribes with, and how many devices take Web Push.
 */
record ReminderSettings(Set<ReminderPreferences.Channel> channels, boolean atOpening, Integer beforeClosingMinutes,
		LocalTime quietFrom, LocalTime quietUntil, List<ReminderPreferences.Channel> offered, boolean hasEmail,
		boolean hasPhone, String pushKey, long devices) {

	/** What a patient sends to change their choices. */
	record Change(Set<ReminderPreferences.Channel> channels, Boolean atOpening, Integer beforeClosingMinutes,
			LocalTime quietFrom, LocalTime quietUntil) {
	}

	/**
	 * A device's Web Push subscription, as the browser's PushSubscription.toJSON() gives
	 * it.
	 */
	record Device(String endpoint, Keys keys, String device) {

		record Keys(String p256dh, String auth) {
		}
	}

}
