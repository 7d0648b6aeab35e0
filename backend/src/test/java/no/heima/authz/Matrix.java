package no.heima.authz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected answers, read from {@code authz/matrix.tsv}: one row per route, the
 * request that exercises it (fixture names in braces), the body a write sends, and the
 * status each caller must get.
 */
record Matrix(List<Row> rows) {

	static final List<String> CALLERS = List.of("anonymous", "patient", "other-patient", "nurse", "other-nurse",
			"admin", "machine");

	record Row(int line, String method, String route, String request, String body, List<Integer> expected) {

		String key() {
			return method + " " + route;
		}

	}

	static Matrix load(String resource) {
		List<Row> rows = new ArrayList<>();
		try (InputStream in = Matrix.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource + " on the test classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String text;
			int line = 0;
			while ((text = reader.readLine()) != null) {
				line++;
				String trimmed = text.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] cells = trimmed.split("\\s+");
				if (cells.length != 4 + CALLERS.size()) {
					throw new IllegalStateException(resource + ":" + line + ": expected " + (4 + CALLERS.size())
							+ " columns, found " + cells.length);
				}
				List<Integer> expected = new ArrayList<>();
				for (int i = 4; i < cells.length; i++) {
					expected.add(Integer.parseInt(cells[i]));
				}
				rows.add(new Row(line, cells[0], cells[1], cells[2], cells[3], expected));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new Matrix(List.copyOf(rows));
	}

}
