package no.heima.testsupport;

import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.stereotype.Component;

/**
 * Records what the application sends to PostgreSQL while a test asks it to: every
 * statement and every transaction boundary, with the connection it ran on (through
 * r2dbc-proxy, which Boot puts around the application's connection factory when it is on
 * the class path; a test dependency only). Picked up by the application's component scan,
 * so every integration test shares the one context. Other modules that put this test jar
 * on their class path without r2dbc-proxy (the local run) skip it.
 */
@Component
@ConditionalOnClass(name = "io.r2dbc.proxy.ProxyConnectionFactory")
public class StatementLog implements ProxyConnectionFactoryCustomizer {

	/** One thing sent: a statement ({@code QUERY}) or BEGIN, COMMIT, ROLLBACK. */
	public record Event(String connection, String kind, String sql, List<Object> bindings) {

		public boolean isQuery() {
			return "QUERY".equals(this.kind);
		}

	}

	private static final Set<String> TRANSACTION_METHODS = Set.of("beginTransaction", "commitTransaction",
			"rollbackTransaction");

	private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

	private volatile boolean recording;

	@Override
	public void customize(io.r2dbc.proxy.ProxyConnectionFactory.Builder builder) {
		builder.listener(new ProxyExecutionListener() {

			@Override
			public void afterQuery(QueryExecutionInfo execution) {
				if (StatementLog.this.recording) {
					for (QueryInfo query : execution.getQueries()) {
						List<Object> values = new ArrayList<>();
						if (!query.getBindingsList().isEmpty()) {
							for (io.r2dbc.proxy.core.Binding binding : query.getBindingsList()
								.get(0)
								.getIndexBindings()) {
								values
									.add(binding.getBoundValue().isNull() ? null : binding.getBoundValue().getValue());
							}
						}
						add(execution.getConnectionInfo().getConnectionId(), "QUERY", query.getQuery(), values);
					}
				}
			}

			@Override
			public void afterMethod(MethodExecutionInfo execution) {
				String method = execution.getMethod().getName();
				if (StatementLog.this.recording && TRANSACTION_METHODS.contains(method)
						&& execution.getConnectionInfo() != null) {
					add(execution.getConnectionInfo().getConnectionId(),
							method.replace("Transaction", "").toUpperCase(java.util.Locale.ROOT), null, List.of());
				}
			}

		});
	}

	private void add(String connection, String kind, String sql, List<Object> bindings) {
		this.events.add(new Event(connection, kind, (sql != null) ? sql.strip().replaceAll("\\s+", " ") : null,
				java.util.Collections.unmodifiableList(bindings)));
	}

	/** Runs {@code work} while recording and answers what was sent meanwhile. */
	public synchronized List<Event> during(Runnable work) {
		this.events.clear();
		this.recording = true;
		try {
			work.run();
		}
		finally {
			this.recording = false;
		}
		return new ArrayList<>(this.events);
	}

	/**
	 * The events of the transaction that sent a statement containing {@code marker}: from
	 * its BEGIN to its COMMIT (or ROLLBACK), on that connection only.
	 */
	public static List<Event> transactionOf(List<Event> events, String marker) {
		Event hit = events.stream()
			.filter((e) -> e.isQuery() && e.sql().contains(marker))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No statement with '" + marker + "' in " + events));
		List<Event> onConnection = events.stream().filter((e) -> e.connection().equals(hit.connection())).toList();
		int at = onConnection.indexOf(hit);
		int begin = at;
		while (begin > 0 && !"BEGIN".equals(onConnection.get(begin).kind())) {
			begin--;
		}
		int end = at;
		while (end < onConnection.size() - 1 && !List.of("COMMIT", "ROLLBACK").contains(onConnection.get(end).kind())) {
			end++;
		}
		return onConnection.subList(begin, end + 1);
	}

}
