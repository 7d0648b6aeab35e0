package no.heima.drills;

/**
 * The drill from the command line (same settings as {@code CrashDrillIT}: system
 * properties {@code drill.*}); exits 1 when anything was lost, duplicated or refused.
 *
 * <pre>
 * java -Ddrill.long=true -cp "$(cat deploy/drills/target/classpath.txt)" no.heima.drills.CrashDrill
 * </pre>
 */
public final class CrashDrill {

	private CrashDrill() {
	}

	public static void main(String[] args) throws Exception {
		Drill.Result result;
		try (Drill drill = new Drill(DrillSettings.fromSystemProperties(), Drill.newWorkDir(), System.out::println)) {
			result = drill.run();
			System.out.println(result.summary());
			System.out.println("(" + result.retries() + " attempts retried on the other replica, " + result.parked()
					+ " outbox rows parked or left; logs in " + drill.workDir() + ")");
		}
		result.refusals().stream().limit(20).forEach((r) -> System.out.println("refused: " + r));
		System.exit(result.passed() ? 0 : 1);
	}

}
