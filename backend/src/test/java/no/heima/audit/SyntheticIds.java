package no.heima.audit;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random synthetic fødselsnumre (Tenor: month + 80), so each test run registers people no
 * other test has: born in the 1900s, individual number 000-499.
 */
final class SyntheticIds {

	private static final int[] WEIGHTS_1 = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };

	private static final int[] WEIGHTS_2 = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

	private SyntheticIds() {
	}

	static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			String base = String.format("%02d%02d%02d%03d", random.nextInt(1, 29), 80 + random.nextInt(1, 13),
					random.nextInt(30, 99), random.nextInt(0, 500));
			int[] digits = new int[11];
			for (int i = 0; i < 9; i++) {
				digits[i] = base.charAt(i) - '0';
			}
			digits[9] = check(digits, WEIGHTS_1);
			if (digits[9] < 0) {
				continue;
			}
			digits[10] = check(digits, WEIGHTS_2);
			if (digits[10] < 0) {
				continue;
			}
			return base + digits[9] + digits[10];
		}
	}

	private static int check(int[] digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += digits[i] * weights[i];
		}
		int check = 11 - sum % 11;
		return (check == 11) ? 0 : (check == 10) ? -1 : check;
	}

}
