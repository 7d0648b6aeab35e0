package no.heima.reminder;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import com.interaso.webpush.WebPushService;
import com.interaso.webpush.WebPushStatusException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Web Push with VAPID (com.interaso:webpush) to every device the patient subscribed; the
 * patient app's service worker shows the notification. A device the push service no
 * longer knows (404/410) is forgotten. Sent when at least one device took it.
 */
@Component
class PushChannel implements ReminderChannel {

	private static final Logger log = LoggerFactory.getLogger(PushChannel.class);

	private static final int TTL_SECONDS = 4 * 3600;

	private final WebPushService push;

	private final String publicKey;

	private final PreferenceRepository subscriptions;

	PushChannel(ReminderProperties properties, PreferenceRepository subscriptions) {
		ReminderProperties.Push settings = properties.push();
		this.subscriptions = subscriptions;
		if (settings.configured()) {
			this.push = new WebPushService(settings.subject(),
					VapidKeys.fromUncompressedBytes(settings.publicKey(), settings.privateKey()));
			this.publicKey = settings.publicKey();
		}
		else {
			this.push = null;
			this.publicKey = null;
		}
	}

	@Override
	public ReminderPreferences.Channel channel() {
		return ReminderPreferences.Channel.PUSH;
	}

	@Override
	public boolean configured() {
		return this.push != null;
	}

	/** The VAPID public key the app subscribes with (base64url), or null when off. */
	String publicKey() {
		return this.publicKey;
	}

	@Override
	public Mono<Delivery> send(Recipient recipient, ReminderText text) {
		if (this.push == null) {
			return Mono.just(Delivery.failed("Web Push is not configured (heima.reminder.push.*)"));
		}
		String payload = "{\"title\":\"" + json(text.subject()) + "\",\"body\":\"" + json(text.body())
				+ "\",\"url\":\"/patient/\"}";
		return this.subscriptions.subscriptions(recipient.patientId())
			.collectList()
			.flatMap((devices) -> devices.isEmpty() ? Mono.just(Delivery.failed("no device subscribed"))
					: Flux.fromIterable(devices)
						.concatMap((device) -> sendTo(device, payload))
						.collectList()
						.map(PushChannel::combine));
	}

	private Mono<Delivery> sendTo(PreferenceRepository.Subscription device, String payload) {
		return Mono
			.fromCallable(() -> this.push.send(payload, device.endpoint(), device.p256dh(), device.auth(), TTL_SECONDS,
					null, WebPush.Urgency.Normal))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((state) -> (state == WebPush.SubscriptionState.EXPIRED)
					? this.subscriptions.forget(device.endpoint()).thenReturn(Delivery.failed("device gone"))
					: Mono.just(Delivery.sent()))
			.onErrorResume(WebPushStatusException.class, (ex) -> {
				int status = ex.getStatusCode();
				return Mono.just((status == 429 || status >= 500) ? Delivery.retry("push service answered " + status)
						: Delivery.failed("push service refused: " + status));
			})
			.onErrorResume((ex) -> {
				log.debug("Web Push failed", ex);
				return Mono.just(Delivery.retry("push service unreachable: " + ex.getClass().getSimpleName()));
			});
	}

	/** Sent to any device is sent; else worth a retry if any device may take it later. */
	static Delivery combine(List<Delivery> each) {
		if (each.stream().anyMatch((d) -> d.outcome() == Delivery.Outcome.SENT)) {
			return Delivery.sent();
		}
		return each.stream()
			.filter((d) -> d.outcome() == Delivery.Outcome.RETRY)
			.findFirst()
			.orElse(each.isEmpty() ? Delivery.failed("no device subscribed") : each.get(0));
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
