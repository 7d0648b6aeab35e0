package no.heima.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * What the patient chose.
 *
 * @param channels EMAIL, PUSH, SMS (none: no reminders)
 * @param atOpening remind when a task's window opens
 * @param beforeClosing remind this long before a window closes (null: not)
 * @param quietFrom start of quiet hours, local time (null: none)
 * @param quietUntil end of quiet hours, local time; may be past midnight
 */
public record ReminderPreferences(Set<Channel> channels, boolean atOpening, Duration beforeClosing, LocalTime quietFrom,
		LocalTime quietUntil) {

	public enum Channel {

		EMAIL, PUSH, SMS

	}

	/** E-mail at opening and one hour before closing, quiet 22:00-07:00. */
	public static ReminderPreferences defaults() {
		return new ReminderPreferences(Set.of(Channel.EMAIL), true, Duration.ofHours(1), LocalTime.of(22, 0),
				LocalTime.of(7, 0));
	}

	/** Whether the local time falls in quiet hours (from inclusive, until exclusive). */
	boolean quiet(LocalTime time) {
		if (this.quietFrom == null || this.quietUntil == null || this.quietFrom.equals(this.quietUntil)) {
			return false;
		}
		if (this.quietFrom.isBefore(this.quietUntil)) {
			return !time.isBefore(this.quietFrom) && time.isBefore(this.quietUntil);
		}
		return !time.isBefore(this.quietFrom) || time.isBefore(this.quietUntil);
	}

}
