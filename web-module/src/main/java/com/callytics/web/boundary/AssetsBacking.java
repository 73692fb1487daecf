package com.callytics.web.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Addresses of the third-party assets the pages load from WebJars in {@code WEB-INF/lib}. The
 * version is read from the WebJar itself, so the pages follow the version the build chose.
 */
@Named("assets")
@ApplicationScoped
public class AssetsBacking {

  static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

  private String chartJs;

  @PostConstruct
  void init() {
    chartJs = "/webjars/chart.js/" + webJarVersion(CHART_JS_POM) + "/dist/chart.umd.js";
  }

  /** The Chart.js UMD bundle, e.g. {@code /webjars/chart.js/4.4.1/dist/chart.umd.js}. */
  public String getChartJs() {
    return chartJs;
  }

  private String webJarVersion(String pomProperties) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(pomProperties)) {
      if (in == null) {
        throw new IllegalStateException("WebJar missing from WEB-INF/lib: " + pomProperties);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
