package com.callytics.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The class behind the application's one datasource, {@code java:app/jdbc/callytics}.
 *
 * <p>The application server pools connections from it; it only picks the JDBC driver bundled with
 * the application that accepts the configured URL, so pointing {@code callytics.datasource.url} at
 * PostgreSQL instead of the embedded H2 file switches the database without a rebuild.
 */
public class UrlRoutedDataSource implements DataSource {

  private volatile String url;
  private volatile String user;
  private volatile String password;
  private volatile Driver driver;
  private int loginTimeout;
  private PrintWriter logWriter;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = configured(url);
    this.driver = null;
  }

  /** The pool may call the JavaBean property under either spelling. */
  public void setURL(String url) {
    setUrl(url);
  }

  public String getURL() {
    return url;
  }

  public void setUser(String user) {
    this.user = configured(user);
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = configured(password);
  }

  /**
   * The server leaves a {@code ${MPCONFIG=...}} reference as it is when the key has no value (an
   * empty password, for example): that means "not set", never a literal value.
   */
  static String configured(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() || trimmed.startsWith("${") ? null : trimmed;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    if (url == null || url.isEmpty()) {
      throw new SQLException("callytics.datasource.url is not set");
    }
    Properties props = new Properties();
    if (username != null && !username.isEmpty()) {
      props.setProperty("user", username);
    }
    if (pass != null && !pass.isEmpty()) {
      props.setProperty("password", pass);
    }
    Connection connection = driver().connect(url, props);
    if (connection == null) {
      throw new SQLException("The JDBC driver refused the configured callytics.datasource.url");
    }
    return connection;
  }

  private Driver driver() throws SQLException {
    Driver found = driver;
    if (found != null) {
      return found;
    }
    for (Driver candidate :
        ServiceLoader.load(Driver.class, UrlRoutedDataSource.class.getClassLoader())) {
      if (candidate.acceptsURL(url)) {
        driver = candidate;
        return candidate;
      }
    }
    throw new SQLException(
        "No bundled JDBC driver accepts callytics.datasource.url (expected jdbc:h2: or"
            + " jdbc:postgresql:)");
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
