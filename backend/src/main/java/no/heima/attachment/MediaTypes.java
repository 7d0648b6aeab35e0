package no.heima.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The media type of a file from its first bytes (magic numbers), never from its name or
 * the type a client declares. Heima only takes photos, so a small table does: JPEG
 * ({@code FF D8 FF}), PNG (its 8-byte signature), HEIC/HEIF (an ISO-BMFF {@code ftyp} box
 * whose major brand is a HEIF brand), and PDF ({@code %PDF-}) so a refusal can say what
 * was sent. Apache Tika would add a dependency (and its updates) for four signatures.
 */
public final class MediaTypes {

	public static final String JPEG = "image/jpeg";

	public static final String PNG = "image/png";

	public static final String HEIC = "image/heic";

	public static final String HEIF = "image/heif";

	public static final String PDF = "application/pdf";

	/** What a file whose bytes match nothing above is. */
	public static final String UNKNOWN = "application/octet-stream";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");

	private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1", "mif2");

	private MediaTypes() {
	}

	/** The type the bytes start like; {@link #UNKNOWN} when none of the above. */
	public static String sniff(byte[] bytes) {
		if (bytes == null) {
			return UNKNOWN;
		}
		if (startsWith(bytes, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return JPEG;
		}
		if (startsWith(bytes, PNG_SIGNATURE)) {
			return PNG;
		}
		if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return PDF;
		}
		if (bytes.length >= 12 && "ftyp".equals(ascii(bytes, 4, 4))) {
			String brand = ascii(bytes, 8, 4);
			if (HEIC_BRANDS.contains(brand)) {
				return HEIC;
			}
			if (HEIF_BRANDS.contains(brand)) {
				return HEIF;
			}
		}
		return UNKNOWN;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static String ascii(byte[] bytes, int from, int length) {
		return new String(bytes, from, length, StandardCharsets.US_ASCII);
	}

}
