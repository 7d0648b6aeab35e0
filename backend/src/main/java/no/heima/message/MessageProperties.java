package no.heima.message;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of a message.
 *
 * @param maxLength characters of text (code points)
 * @param maxPhotos photos per message
 * @param maxPhotoSize bytes per photo
 * @param history messages a conversation shows (newest)
 */
@ConfigurationProperties("heima.message")
record MessageProperties(@DefaultValue("2000") int maxLength, @DefaultValue("4") int maxPhotos,
		@DefaultValue("10MB") DataSize maxPhotoSize, @DefaultValue("200") int history) {
}
