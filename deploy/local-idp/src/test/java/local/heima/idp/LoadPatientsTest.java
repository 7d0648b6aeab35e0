package local.heima.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoadPatientsTest {

	@Test
	void checkDigitsAreThoseOfAKnownSyntheticNumber() {
		assertThat(LoadPatients.withCheckDigits("128375400")).isEqualTo("12837540028");
		assertThat(LoadPatients.withCheckDigits("248968400")).isEqualTo("24896840041");
	}

	@Test
	void manyDistinctSyntheticPatientsWhoCanLogIn() {
		List<LocalIdpProperties.User> users = LoadPatients.users(500);
		assertThat(users).hasSize(500);
		assertThat(users.stream().map(LocalIdpProperties.User::pid).distinct()).hasSize(500);
		assertThat(users.stream().map(LocalIdpProperties.User::username).distinct()).hasSize(500);
		assertThat(users).allSatisfy((u) -> {
			assertThat(u.roles()).containsExactly("PATIENT");
			// synthetic: month + 80
			assertThat(Integer.parseInt(u.pid().substring(2, 4))).isBetween(81, 92);
		});
	}

}
