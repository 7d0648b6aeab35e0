package no.heima.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG plots of {@code docs/benchmarks.md} (issue 13), drawn with XChart from the
 * figures the runs recorded ({@code docs/benchmark-data/*.csv}), so a plot is always the
 * table beside it:
 * <ul>
 * <li>{@code ingest.csv}
 * ({@code series,users,throughput_per_s,p50_ms,p95_ms,p99_ms,load_average}; empty where a
 * figure was not taken) gives throughput and p99 against concurrent users;</li>
 * <li>{@code drain.csv} ({@code run,phase,rows,seconds,rows_per_s,load_average}) gives
 * the write-back drain rate with and without ingest, one bar per run and phase (phases
 * named alike across runs stand side by side).</li>
 * </ul>
 * Run from the repository root:
 *
 * <pre>
 * java -Djava.awt.headless=true -cp "$(cat deploy/drills/target/classpath.txt)" no.heima.drills.BenchmarkPlots docs/benchmark-data docs/images
 * </pre>
 */
public final class BenchmarkPlots {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 520;

	private BenchmarkPlots() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of((args.length > 0) ? args[0] : "docs/benchmark-data");
		Path images = Path.of((args.length > 1) ? args[1] : "docs/images");
		Files.createDirectories(images);
		Map<String, List<String[]>> ingest = bySeries(read(data.resolve("ingest.csv")));
		save(xy("Ingest throughput against concurrency", "submissions per second", ingest, 2, 2000, "target 2,000/s"),
				images.resolve("ingest-throughput.png"));
		save(xy("Ingest p99 latency against concurrency", "p99 (ms)", ingest, 5, 50, "target p99 50 ms"),
				images.resolve("ingest-p99.png"));
		save(drain(read(data.resolve("drain.csv"))), images.resolve("drain-rate.png"));
	}

	private static XYChart xy(String title, String yTitle, Map<String, List<String[]>> series, int column,
			double target, String targetName) {
		XYChart chart = new XYChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title(title)
			.xAxisTitle("concurrent submitting users (log scale)")
			.yAxisTitle(yTitle)
			.build();
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setXAxisLogarithmic(true);
		chart.getStyler().setYAxisMin(0.0);
		double maxUsers = 1;
		for (Map.Entry<String, List<String[]>> entry : series.entrySet()) {
			List<Double> xs = new ArrayList<>();
			List<Double> ys = new ArrayList<>();
			for (String[] row : entry.getValue()) {
				if (row.length > column && !row[column].isBlank()) {
					xs.add(Double.parseDouble(row[1]));
					ys.add(Double.parseDouble(row[column]));
					maxUsers = Math.max(maxUsers, Double.parseDouble(row[1]));
				}
			}
			if (!xs.isEmpty()) {
				chart.addSeries(entry.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
			}
		}
		XYSeries line = chart.addSeries(targetName, List.of(1.0, maxUsers), List.of(target, target));
		line.setMarker(SeriesMarkers.NONE);
		return chart;
	}

	private static CategoryChart drain(List<String[]> rows) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Write-back drain rate (in-memory FHIR server)")
			.xAxisTitle("")
			.yAxisTitle("outbox rows delivered per second")
			.build();
		chart.getStyler().setYAxisMin(0.0);
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		List<String> phases = new ArrayList<>();
		rows.forEach((row) -> {
			if (!phases.contains(row[1])) {
				phases.add(row[1]);
			}
		});
		Map<String, Double[]> runs = new LinkedHashMap<>();
		for (String[] row : rows) {
			runs.computeIfAbsent(row[0], (run) -> new Double[phases.size()])[phases.indexOf(row[1])] = Double
				.parseDouble(row[4]);
		}
		runs.forEach((run, rates) -> {
			List<Double> values = new ArrayList<>();
			for (Double rate : rates) {
				values.add((rate != null) ? rate : 0.0);
			}
			chart.addSeries(run, phases, values);
		});
		return chart;
	}

	private static Map<String, List<String[]>> bySeries(List<String[]> rows) {
		Map<String, List<String[]>> series = new LinkedHashMap<>();
		for (String[] row : rows) {
			series.computeIfAbsent(row[0], (name) -> new ArrayList<>()).add(row);
		}
		series.values().forEach((list) -> list.sort(java.util.Comparator.comparingDouble(users())));
		return series;
	}

	private static ToDoubleFunction<String[]> users() {
		return (row) -> Double.parseDouble(row[1]);
	}

	/** Rows of a small CSV without quoting; the header and # comments are skipped. */
	private static List<String[]> read(Path csv) throws IOException {
		List<String[]> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(csv);
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank() && !line.startsWith("#")) {
				rows.add(line.split(",", -1));
			}
		}
		return rows;
	}

	private static void save(Chart<?, ?> chart, Path png) throws IOException {
		String name = png.toString();
		BitmapEncoder.saveBitmap(chart, name.substring(0, name.length() - ".png".length()), BitmapFormat.PNG);
		System.out.println("wrote " + png);
	}

}
