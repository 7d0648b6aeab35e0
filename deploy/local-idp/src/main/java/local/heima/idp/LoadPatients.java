package local.heima.idp;

import java.util.ArrayList;
import java.util.List;

/**
 * Many synthetic patients for load tests ({@code heima.local-idp.load-patients}, 0 by
 * default): {@code last1} ... {@code lastN}, password {@code demo}, each with a distinct
 * synthetic national identity number (month + 80, born 1950-1999, valid check digits), so
 * a load test logs in as many real patients instead of one.
 */
final class LoadPatients {

	private static final int[] K1 = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };

	private static final int[] K2 = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

	private LoadPatients() {
	}

	static List<LocalIdpProperties.User> users(int count) {
		List<LocalIdpProperties.User> users = new ArrayList<>(count);
		int n = 0;
		for (int year = 50; year <= 99 && users.size() < count; year++) {
			for (int month = 1; month <= 12 && users.size() < count; month++) {
				for (int day = 1; day <= 28 && users.size() < count; day++) {
					for (int individual = 100; individual <= 499 && users.size() < count; individual += 37) {
						String pid = withCheckDigits(
								String.format("%02d%02d%02d%03d", day, month + 80, year, individual));
						if (pid != null) {
							n++;
							users.add(new LocalIdpProperties.User("last" + n, "demo", "Last Pasient " + n, "Last",
									"Pasient " + n, pid, List.of("PATIENT"), List.of(), "nb"));
						}
					}
				}
			}
		}
		return users;
	}

	/** The 11 digits, or null when this birth date and individual number have none. */
	static String withCheckDigits(String nine) {
		int k1 = check(nine, K1);
		if (k1 < 0) {
			return null;
		}
		int k2 = check(nine + k1, K2);
		return (k2 < 0) ? null : nine + k1 + k2;
	}

	private static int check(String digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += (digits.charAt(i) - '0') * weights[i];
		}
		int k = 11 - (sum % 11);
		return (k == 11) ? 0 : (k == 10) ? -1 : k;
	}

}
