package no.heima.reminder;

import java.util.concurrent.ThreadLocalRandom;

/** Synthetic fødselsnumre for patients the reminder tests register. */
final class SyntheticIds {

	private SyntheticIds() {
	}

	/** A random synthetic fødselsnummer (month + 80, born in the 1900s). */
	static String next() {
		int[] w1 = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
		int[] w2 = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			String base = String.format("%02d%02d%02d%03d", random.nextInt(1, 29), 80 + random.nextInt(1, 13),
					random.nextInt(30, 99), random.nextInt(0, 500));
			int[] d = new int[11];
			for (int i = 0; i < 9; i++) {
				d[i] = base.charAt(i) - '0';
			}
			d[9] = check(d, w1);
			d[10] = (d[9] < 0) ? -1 : check(d, w2);
			if (d[9] >= 0 && d[10] >= 0) {
				return base + d[9] + d[10];
			}
		}
	}

	private static int check(int[] digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += digits[i] * weights[i];
		}
		int c = 11 - sum % 11;
		return (c == 11) ? 0 : (c == 10) ? -1 : c;
	}

}
