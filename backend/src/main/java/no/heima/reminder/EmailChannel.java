package no.heima.reminder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * E-mail through Spring's mail support (the SMTP server is {@code spring.mail.*}; without
 * {@code spring.mail.host} there is no sender and the channel is off). Sending blocks, so
 * it runs on boundedElastic.
 */
@Component
class EmailChannel implements ReminderChannel {

	private final JavaMailSender mail;

	private final String from;

	@Autowired
	EmailChannel(ObjectProvider<JavaMailSender> mail, ReminderProperties properties) {
		this(mail.getIfAvailable(), properties.email().from());
	}

	EmailChannel(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public ReminderPreferences.Channel channel() {
		return ReminderPreferences.Channel.EMAIL;
	}

	@Override
	public boolean configured() {
		return this.mail != null;
	}

	@Override
	public Mono<Delivery> send(Recipient recipient, ReminderText text) {
		if (this.mail == null) {
			return Mono.just(Delivery.failed("e-mail is not configured (spring.mail.host)"));
		}
		if (recipient.email() == null || recipient.email().isBlank()) {
			return Mono.just(Delivery.failed("no e-mail address on record"));
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(recipient.email());
		message.setSubject(text.subject());
		message.setText(text.body());
		return Mono.fromCallable(() -> {
			this.mail.send(message);
			return Delivery.sent();
		}).subscribeOn(Schedulers.boundedElastic()).onErrorResume(MailException.class, (ex) -> Mono.just(classify(ex)));
	}

	/**
	 * An address or message the server cannot take stays refused; a server that is down,
	 * busy or refuses the login for now may take it later.
	 */
	static Delivery classify(MailException ex) {
		if (ex instanceof MailParseException || ex instanceof MailPreparationException) {
			return Delivery.failed("e-mail refused: " + ex.getClass().getSimpleName());
		}
		if (ex instanceof MailAuthenticationException) {
			return Delivery.retry("SMTP login refused");
		}
		return Delivery.retry("SMTP: " + ex.getClass().getSimpleName());
	}

}
