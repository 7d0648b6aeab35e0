package no.heima.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least privilege for the application's database role. When Flyway migrates as an owner
 * role ({@code heima.db.migration.username}) and the application connects as another
 * ({@code heima.db.username}), this runs after every migration, as the owner: the app
 * role may read and write rows of every table, only append to {@code audit_event}, and
 * nothing else. Not being the owner, it cannot alter a table or switch the append-only
 * triggers off. When both are the same role (the default) it does nothing.
 */
class AppRoleGrants implements Callback {

	private static final Logger log = LoggerFactory.getLogger(AppRoleGrants.class);

	private final String appUser;

	AppRoleGrants(String appUser) {
		this.appUser = appUser;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			Connection connection = context.getConnection();
			String migrator = connection.getMetaData().getUserName();
			if (this.appUser == null || this.appUser.isBlank() || this.appUser.equals(migrator)) {
				return;
			}
			String role = quoted(connection, "select quote_ident(?)", this.appUser);
			String schema = quoted(connection, "select quote_ident(coalesce(current_schema(), ?))", "public");
			String history = context.getConfiguration().getTable();
			List<String> statements = List.of("grant usage on schema " + schema + " to " + role,
					"grant select, insert, update, delete on all tables in schema " + schema + " to " + role,
					"grant usage, select on all sequences in schema " + schema + " to " + role,
					"revoke update, delete, truncate, references, trigger on audit_event from " + role,
					"revoke insert, update, delete, truncate on " + schema + "."
							+ quoted(connection, "select quote_ident(?)", history) + " from " + role);
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
			log.info("Database role {} may read and write rows and append audit entries; migrations ran as {}",
					this.appUser, migrator);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not grant the application role its privileges", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "heima-app-role-grants";
	}

	private static String quoted(Connection connection, String sql, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, value);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

}
