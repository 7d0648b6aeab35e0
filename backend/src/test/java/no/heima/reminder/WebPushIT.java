package no.heima.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.interaso.webpush.VapidKeys;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Web Push: a reminder reaches a subscribed device encrypted for it (decrypted here as
 * the browser would) with VAPID, says nothing about health, and a device the push service
 * no longer knows is forgotten. The push service is a local HTTP endpoint standing in for
 * the browser vendor's. Devices are registered per patient through the API.
 */
class WebPushIT extends IntegrationTest {

	@Autowired
	DatabaseClient db;

	@Test
	void aReminderReachesTheDeviceEncryptedAndAGoneDeviceIsForgotten() throws Exception {
		List<byte[]> bodies = new CopyOnWriteArrayList<>();
		List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
		AtomicInteger status = new AtomicInteger(201);
		HttpServer pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		pushService.createContext("/push", (exchange) -> {
			bodies.add(exchange.getRequestBody().readAllBytes());
			headers.add(Map.of("encoding", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Encoding")),
					"authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), "ttl",
					String.valueOf(exchange.getRequestHeaders().getFirst("TTL"))));
			exchange.sendResponseHeaders(status.get(), -1);
			exchange.close();
		});
		pushService.start();
		try {
			VapidKeys vapid = VapidKeys.generate();
			String publicKey = WebPushReceiver.base64(WebPushReceiver.uncompressed(vapid.getPublicKey()));
			ReminderProperties properties = new ReminderProperties(true, Duration.ofMinutes(1), Duration.ofSeconds(15),
					50, Duration.ofMinutes(2), 6, Duration.ofSeconds(30), Duration.ofMinutes(15),
					Duration.ofMinutes(30), new ReminderProperties.Email("heima@localhost"),
					new ReminderProperties.Sms(null, null, null, "Heima", Duration.ofSeconds(5)),
					new ReminderProperties.Push("mailto:drift@sykehus.example", publicKey,
							WebPushReceiver.base64(WebPushReceiver.raw(vapid.getPrivateKey())), Duration.ofSeconds(5)));
			PreferenceRepository devices = new PreferenceRepository(this.db);
			PushChannel push = new PushChannel(properties, devices);
			assertThat(push.configured()).isTrue();
			assertThat(push.publicKey()).isEqualTo(publicKey);

			UUID patient = ensurePatient("sykepleier1", SyntheticIds.next(), "Push", "Påminnelse");
			WebPushReceiver device = new WebPushReceiver();
			String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();
			devices.subscribe(patient, endpoint, device.p256dh(), device.auth(), "test phone").block();

			Delivery delivery = push
				.send(new Recipient(patient, null, null, "en"), ReminderText.of("en", ReminderSchedule.Kind.OPENS))
				.block();
			assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
			assertThat(bodies).hasSize(1);
			assertThat(device.decrypt(bodies.get(0))).isEqualTo(
					"{\"title\":\"You have a task due in Heima\",\"body\":\"You have a task due in Heima.\",\"url\":\"/patient/\"}");
			assertThat(headers.get(0)).containsEntry("encoding", "aes128gcm");
			assertThat(headers.get(0).get("authorization")).startsWith("vapid t=").contains("k=" + publicKey);

			// the push service no longer knows the device: it is forgotten, not retried
			status.set(410);
			assertThat(push
				.send(new Recipient(patient, null, null, "nb"), ReminderText.of("nb", ReminderSchedule.Kind.CLOSING))
				.block()
				.outcome()).isEqualTo(Delivery.Outcome.FAILED);
			assertThat(devices.subscriptions(patient).collectList().block()).isEmpty();
		}
		finally {
			pushService.stop(0);
		}
	}

	@Test
	void aPatientRegistersAndRemovesADeviceThroughTheApi() {
		String endpoint = "https://push.example/send/" + UUID.randomUUID();
		Map<String, Object> keys = Map.of("p256dh", WebPushReceiver.base64(new byte[65]), "auth",
				WebPushReceiver.base64(new byte[16]));
		ensurePatient("sykepleier2", "24896840041", "Ola", "Fjellheim");
		long before = devices("pasient2");
		// not https: refused, nothing stored
		as("pasient2").post()
			.uri("/api/me/reminders/devices")
			.bodyValue(Map.of("endpoint", "http://push.example/x", "keys", keys))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:validation");
		// a key of the wrong length: refused
		as("pasient2").post()
			.uri("/api/me/reminders/devices")
			.bodyValue(Map.of("endpoint", endpoint, "keys", Map.of("p256dh", "AAAA", "auth", keys.get("auth"))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(devices("pasient2")).isEqualTo(before);

		as("pasient2").post()
			.uri("/api/me/reminders/devices")
			.bodyValue(Map.of("endpoint", endpoint, "keys", keys, "device", "Pixel"))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(devices("pasient2")).isEqualTo(before + 1);
		// another patient cannot remove it
		as("pasient1").delete()
			.uri((b) -> b.path("/api/me/reminders/devices").queryParam("endpoint", endpoint).build())
			.exchange()
			.expectStatus()
			.isNotFound();
		as("pasient2").delete()
			.uri((b) -> b.path("/api/me/reminders/devices").queryParam("endpoint", endpoint).build())
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(devices("pasient2")).isEqualTo(before);
	}

	private long devices(String user) {
		Map<?, ?> settings = as(user).get()
			.uri("/api/me/reminders")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) settings.get("devices")).longValue();
	}

}
