package com.callytics.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Accessibility checks of the page the browser shows, by axe-core (the ear build installs it from
 * npm into {@code target/axe}): the WCAG 2.0, 2.1 and 2.2 level A and AA rules that can be checked
 * by machine (labelled controls, colour contrast, names of buttons and links, landmarks, ARIA).
 */
final class Axe {

  static final Path SCRIPT =
      Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));

  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'] })
        .then(result => done(result.violations.map(v => ({
            rule: v.id,
            impact: String(v.impact),
            help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) }))))
        .catch(error => done([{ rule: 'axe-error', impact: 'error', help: String(error), nodes: [] }]));
      """;

  private Axe() {}

  /** Fails naming every rule the page breaks, with the elements that break it. */
  static void assertNoViolations(HeadlessChrome chrome, String what) {
    assertThat(SCRIPT)
        .as("axe-core is installed by the ear build (mvn verify): %s", SCRIPT)
        .isRegularFile();
    String source;
    try {
      source = Files.readString(SCRIPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Boolean.TRUE.equals(chrome.script("return typeof window.axe === 'object';"))) {
      chrome.script(source);
    }
    chrome.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>) chrome.driver.executeAsyncScript(RUN);
    assertThat(violations).as("accessibility violations on %s", what).isEmpty();
  }
}
