// The landing page's waitlist form: posts JSON to /api/waitlist and shows the server's verdict
// next to each field (the problem's `errors`), or its confirmation.
import { ApiError, request } from "./api.js";

const FIELDS = ["email", "fullName", "company", "note"];

const form = document.getElementById("waitlist-form");
if (form) {
  const submit = document.getElementById("waitlist-submit");
  const status = document.getElementById("waitlist-status");
  submit.disabled = false;

  const input = (field) => document.getElementById("waitlist-" + field);
  const errorOf = (field) => document.getElementById("waitlist-" + field + "-error");

  function clearErrors() {
    for (const field of FIELDS) {
      input(field).removeAttribute("aria-invalid");
      const error = errorOf(field);
      error.textContent = "";
      error.hidden = true;
    }
    status.textContent = "";
    status.className = "form-status";
  }

  function showFieldErrors(errors) {
    let first = null;
    for (const field of FIELDS) {
      const message = errors[field];
      if (typeof message !== "string" || message === "") {
        continue;
      }
      input(field).setAttribute("aria-invalid", "true");
      const error = errorOf(field);
      error.textContent = message.charAt(0).toUpperCase() + message.slice(1) + ".";
      error.hidden = false;
      first = first || input(field);
    }
    return first;
  }

  function showStatus(message, kind) {
    status.textContent = message;
    status.className = "form-status " + kind;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const body = {};
    for (const field of FIELDS) {
      const value = input(field).value.trim();
      if (value !== "" || field === "email") {
        body[field] = value;
      }
    }
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    try {
      const answer = await request("/api/waitlist", { method: "POST", json: body });
      form.reset();
      showStatus(
        (answer && typeof answer.message === "string" && answer.message) ||
          "You're on the list. We'll be in touch.",
        "success",
      );
    } catch (error) {
      const errors = error instanceof ApiError && error.problem && error.problem.errors;
      const first = errors && typeof errors === "object" ? showFieldErrors(errors) : null;
      if (first) {
        showStatus("Please check the highlighted fields.", "error");
        first.focus();
      } else if (error instanceof ApiError && error.status === 400 && error.problem) {
        showStatus(String(error.problem.detail || "Please check your entries."), "error");
      } else if (error instanceof ApiError && error.status === 0) {
        showStatus("Could not reach Callytics. Check your connection and try again.", "error");
      } else {
        showStatus("Something went wrong on our side. Please try again in a moment.", "error");
      }
    } finally {
      submit.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });
}
