package no.heima.reminder;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The ways of reaching a patient this server knows, by channel, and which of them are set
 * up here. One place, so the settings page, the planner and the sender cannot disagree
 * about what is offered.
 */
@Component
class ReminderChannels {

	private final Map<ReminderPreferences.Channel, ReminderChannel> byChannel = new EnumMap<>(
			ReminderPreferences.Channel.class);

	ReminderChannels(List<ReminderChannel> channels) {
		channels.forEach((c) -> this.byChannel.put(c.channel(), c));
	}

	/** The channel's implementation, or null when this server has none for it. */
	ReminderChannel get(ReminderPreferences.Channel channel) {
		return this.byChannel.get(channel);
	}

	/** The channels that are configured on this server, in a stable order. */
	Set<ReminderPreferences.Channel> offered() {
		Set<ReminderPreferences.Channel> offered = EnumSet.noneOf(ReminderPreferences.Channel.class);
		this.byChannel.values().stream().filter(ReminderChannel::configured).forEach((c) -> offered.add(c.channel()));
		return Collections.unmodifiableSet(offered);
	}

}
