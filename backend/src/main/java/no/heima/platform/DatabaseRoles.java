package no.heima.platform;

import org.flywaydb.core.api.callback.Callback;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two database roles: Flyway migrates as {@code heima.db.migration.username} (env
 * {@code HEIMA_DB_MIGRATION_USER}), the application connects as
 * {@code heima.db.username}; see {@link AppRoleGrants}. Boot hands Callback beans to
 * Flyway.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

	@Bean
	Callback appRoleGrants(@Value("${heima.db.username:}") String appUser) {
		return new AppRoleGrants(appUser);
	}

}
