package no.heima.jpafhir;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.MemoryBinaryStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The Spring context of a plain HAPI FHIR JPA R4 server: HAPI's own JPA, R4 and batch
 * configurations, plus what they leave to the application (data source, entity manager
 * factory, transaction manager, storage settings, the RESTful server). Storage settings
 * are HAPI's defaults, so the server behaves as an unconfigured hospital server would: a
 * search is cached and reused for 60 s unless the request says
 * {@code Cache-Control: no-cache}; a transaction is refused whole when one entry fails.
 */
@Configuration
// the in-memory message broker (SubscriptionChannelConfig) that HAPI's batch jobs need,
// as in
// HAPI's starter without an external broker
@Import({ JpaR4Config.class, HapiJpaConfig.class, JpaBatch2Config.class, Batch2JobsConfig.class,
		SubscriptionChannelConfig.class, ThreadPoolFactoryConfig.class })
class JpaFhirConfig {

	@Bean
	DataSource dataSource(JpaFhirSettings settings) {
		BasicDataSource dataSource = new BasicDataSource();
		dataSource.setDriverClassName("org.postgresql.Driver");
		dataSource.setUrl(settings.jdbcUrl());
		dataSource.setUsername(settings.user());
		dataSource.setPassword(settings.password());
		dataSource.setMaxTotal(settings.poolSize());
		dataSource.setMaxWait(java.time.Duration.ofSeconds(30));
		return dataSource;
	}

	@Bean
	JpaStorageSettings storageSettings() {
		// HAPI's defaults on purpose (search results reused for 60 s among them)
		return new JpaStorageSettings();
	}

	@Bean
	PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}

	@Bean
	IBinaryStorageSvc binaryStorage() {
		return new MemoryBinaryStorageSvcImpl();
	}

	@Primary
	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beanFactory,
			FhirContext fhirContext, JpaStorageSettings storageSettings, DataSource dataSource) {
		LocalContainerEntityManagerFactoryBean factory = HapiEntityManagerFactoryUtil
			.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(dataSource);
		Properties jpa = new Properties();
		jpa.put("hibernate.dialect", HapiFhirPostgresDialect.class.getName());
		// the schema is made (and kept) by Hibernate from HAPI's entities, as HAPI's
		// starter does by default
		jpa.put("hibernate.hbm2ddl.auto", "update");
		jpa.put("hibernate.format_sql", "false");
		jpa.put("hibernate.show_sql", "false");
		// no full-text indexing (Lucene/Elasticsearch): the starter's default too
		jpa.put("hibernate.search.enabled", "false");
		factory.setJpaProperties(jpa);
		return factory;
	}

	@Primary
	@Bean
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	@Bean
	RestfulServer restfulServer(FhirContext fhirContext, IFhirSystemDao<Bundle, Meta> systemDao,
			ResourceProviderFactory resourceProviders, JpaSystemProvider<Bundle, Meta> systemProvider,
			JpaStorageSettings storageSettings, ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport, DatabaseBackedPagingProvider pagingProvider) {
		RestfulServer server = new RestfulServer(fhirContext);
		server.registerProviders(resourceProviders.createProviders());
		server.registerProvider(systemProvider);
		JpaCapabilityStatementProvider capabilities = new JpaCapabilityStatementProvider(server, systemDao,
				storageSettings, searchParamRegistry, validationSupport);
		capabilities.setImplementationDescription("HAPI FHIR JPA R4 server (Heima peer, deploy/jpa-fhir)");
		server.setServerConformanceProvider(capabilities);
		server.setPagingProvider(pagingProvider);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		return server;
	}

}
