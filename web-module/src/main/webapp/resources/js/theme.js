// Light or dark: the system's choice unless the user picked one with the toggle (remembered in
// localStorage). A classic script in <head>, so that the theme is set before the first paint.
(function () {
  "use strict";
  var KEY = "callytics-theme";
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var chosen = stored();

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === "light" || value === "dark" ? value : null;
    } catch (e) {
      return null;
    }
  }

  function effective() {
    return chosen || (media && media.matches ? "dark" : "light");
  }

  function apply() {
    var theme = effective();
    root.dataset.theme = theme;
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      toggle.setAttribute("aria-pressed", String(theme === "dark"));
      toggle.title = theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme";
    }
    document.dispatchEvent(new CustomEvent("callytics:themechange", { detail: { theme: theme } }));
  }

  apply();
  if (media && media.addEventListener) {
    media.addEventListener("change", apply);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        chosen = effective() === "dark" ? "light" : "dark";
        try {
          window.localStorage.setItem(KEY, chosen);
        } catch (e) {
          // storage may be off: the choice then lasts for this page only
        }
        apply();
      });
    }
    apply();
  });
})();
