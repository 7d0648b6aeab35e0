package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.Parameter;

class SqlWriteTest {

	@Test
	void partsBecomeCommonTableExpressionsWithTheirParametersRenamed() {
		SqlWrite first = new SqlWrite("insert into a (x, y) values (:x, cast(:y as text[]))",
				Map.of("x", Parameter.from(1), "y", Parameter.from(new String[] { "p" })));
		SqlWrite second = new SqlWrite("delete from b where x = :x and t = '00:00' and j = :x::text",
				Map.of("x", Parameter.from(2)));
		SqlWrite last = new SqlWrite("insert into c (x) values (:x)", Map.of("x", Parameter.empty(String.class)));

		SqlWrite combined = SqlWrite.combine(List.of(first, second, last));

		assertThat(combined.sql()).isEqualTo("""
				with w0 as (insert into a (x, y) values (:w0_x, cast(:w0_y as text[]))),
				w1 as (delete from b where x = :w1_x and t = '00:00' and j = :w1_x::text)
				insert into c (x) values (:w2_x)""");
		assertThat(combined.parameters()).containsOnlyKeys("w0_x", "w0_y", "w1_x", "w2_x");
		assertThat(combined.parameters().get("w1_x").getValue()).isEqualTo(2);
		assertThat(combined.parameters().get("w2_x").isEmpty()).isTrue();
	}

	@Test
	void onePartStaysAsItIs() {
		SqlWrite only = new SqlWrite("insert into c (x) values (:x)", Map.of("x", Parameter.from(1)));
		assertThat(SqlWrite.combine(List.of(only))).isSameAs(only);
	}

	@Test
	void aParameterWithoutValueIsRefused() {
		SqlWrite part = new SqlWrite("insert into c (x) values (:x)", Map.of());
		assertThatThrownBy(() -> SqlWrite.combine(List.of(part, part))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSameShapeIsRewrittenOnceAndCheckedEveryTime() {
		String text = "insert into shape_test (x) values (:x)";
		SqlWrite a = new SqlWrite(text, Map.of("x", Parameter.from(1)));
		SqlWrite b = new SqlWrite(text, Map.of("x", Parameter.from(2)));

		SqlWrite first = SqlWrite.combine(List.of(a, b));
		SqlWrite second = SqlWrite.combine(List.of(b, a));

		assertThat(second.sql()).isSameAs(first.sql());
		assertThat(second.parameters().get("w0_x").getValue()).isEqualTo(2);
		assertThat(second.parameters().get("w1_x").getValue()).isEqualTo(1);
		SqlWrite missing = new SqlWrite(text, Map.of());
		assertThatThrownBy(() -> SqlWrite.combine(List.of(a, missing))).isInstanceOf(IllegalArgumentException.class);
	}

}
