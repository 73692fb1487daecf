package com.callytics.web.boundary;

import com.callytics.platform.control.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers and every schema migration has been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());

  @Resource(lookup = "java:app/jdbc/callytics")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      boolean answers = connection.isValid(2);
      Optional<String> version =
          answers ? SchemaMigrator.appliedVersion(dataSource) : Optional.empty();
      return response
          .status(version.isPresent())
          .withData("database", connection.getMetaData().getDatabaseProductName())
          .withData("connection", answers ? "ok" : "not answering")
          .withData("migrations", version.isPresent() ? "applied" : "pending or failed")
          .withData("schemaVersion", version.orElse("none"))
          .build();
    } catch (Exception e) {
      LOG.warning(() -> "Readiness check: the database is unavailable: " + e);
      return response.down().withData("connection", "unavailable").build();
    }
  }
}
