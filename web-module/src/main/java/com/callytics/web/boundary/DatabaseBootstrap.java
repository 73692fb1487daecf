package com.callytics.web.boundary;

import com.callytics.auth.control.TokenCipher;
import com.callytics.platform.control.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's one datasource and its schema.
 *
 * <p>URL, user and password come from MicroProfile Config, so the database is chosen at start-up,
 * not at build time. This is the application's only EJB: a {@code @Startup} singleton is the
 * platform's way to run work during deployment and to fail the deployment when that work fails, so
 * the Flyway migrations are applied once, before any request can reach the database.
 */
@Singleton
@Startup
@DataSourceDefinition(
    name = "java:app/jdbc/callytics",
    className = "com.callytics.platform.control.UrlRoutedDataSource",
    url = "${MPCONFIG=callytics.datasource.url}",
    user = "${MPCONFIG=callytics.datasource.user}",
    password = "${MPCONFIG=callytics.datasource.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    transactional = true)
public class DatabaseBootstrap {

  private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());

  @Resource(lookup = "java:app/jdbc/callytics")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "callytics.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject TokenCipher tokenCipher;

  @PostConstruct
  void migrate() {
    SchemaMigrator.migrate(dataSource);
    tokenCipher.ensureReady();
    LOG.info(() -> "Callytics is serving on " + publicUrl);
  }
}
