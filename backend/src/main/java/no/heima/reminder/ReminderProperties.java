package no.heima.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders: how often they are planned and sent, and the channels' settings. Secrets
 * (the SMS provider's password, the VAPID private key) come from the environment.
 *
 * @param enabled plan and send at all (the API for preferences stays)
 * @param planInterval how often every open plan's reminders for today and tomorrow are
 * (re)computed
 * @param sendInterval how often due reminders are claimed and sent
 * @param batchSize reminders claimed at a time
 * @param lease how long a claimed reminder is kept from other replicas while it is sent
 * @param maxAttempts sending attempts before a reminder counts as failed
 * @param backoffBase wait after the first transient failure, doubled after each next
 * @param backoffMax longest wait between attempts
 * @param lateTolerance how late a reminder may still be planned (a replica that was down
 * at the window's start)
 */
@ConfigurationProperties("heima.reminder")
public record ReminderProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration planInterval,
		@DefaultValue("PT15S") Duration sendInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("PT2M") Duration lease, @DefaultValue("6") int maxAttempts,
		@DefaultValue("PT30S") Duration backoffBase, @DefaultValue("PT15M") Duration backoffMax,
		@DefaultValue("PT30M") Duration lateTolerance, @DefaultValue Email email, @DefaultValue Sms sms,
		@DefaultValue Push push) {

	/**
	 * @param from sender address (the SMTP server itself is {@code spring.mail.*})
	 */
	public record Email(@DefaultValue("heima@localhost") String from) {
	}

	/**
	 * The SMS provider's HTTP endpoint: a POST of {@code {"to","from","text"}} as JSON,
	 * with HTTP Basic credentials. No URL: SMS is off.
	 */
	public record Sms(String url, String username, String password, @DefaultValue("Heima") String sender,
			@DefaultValue("PT10S") Duration timeout) {

		boolean configured() {
			return this.url != null && !this.url.isBlank();
		}
	}

	/**
	 * VAPID: {@code publicKey} and {@code privateKey} as base64url (uncompressed P-256
	 * point and raw scalar, the form {@code web-push generate-vapid-keys} prints).
	 * Without keys, Web Push is off: keys made up at start would differ per replica and
	 * per restart, and every subscription made with the old key would stop working.
	 */
	public record Push(@DefaultValue("mailto:heima@localhost") String subject, String publicKey, String privateKey,
			@DefaultValue("PT10S") Duration timeout) {

		boolean configured() {
			return this.publicKey != null && !this.publicKey.isBlank() && this.privateKey != null
					&& !this.privateKey.isBlank();
		}
	}

}
