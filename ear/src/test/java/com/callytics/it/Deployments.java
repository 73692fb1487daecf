package com.callytics.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR, as built by this module: the integration tests deploy nothing else. */
final class Deployments {

  private Deployments() {}

  static EnterpriseArchive callyticsEar() {
    File ear = new File(System.getProperty("ear.file", "target/callytics.ear"));
    if (!ear.isFile()) {
      throw new IllegalStateException("Build the EAR first: " + ear.getAbsolutePath());
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }
}
