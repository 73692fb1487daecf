// Talking to the Callytics API: JSON in, JSON or problem details out, and one way to tell the
// user what went wrong. Never shows a stack trace or anything but the problem's own words.

/** A failed API call: the HTTP status (0 when the network failed) and the problem, if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.title) || (status ? "HTTP " + status : "Network error"));
    this.status = status;
    this.problem = problem || null;
  }
}

/** Sends a request and resolves with the parsed JSON body (null when there is none). */
export async function request(url, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  let body = options.body;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(url, {
      method: options.method || "GET",
      headers,
      body,
      credentials: "same-origin",
      cache: "no-store",
      signal: options.signal,
    });
  } catch (e) {
    if (e && e.name === "AbortError") {
      throw e;
    }
    throw new ApiError(0, null);
  }
  const type = response.headers.get("Content-Type") || "";
  const isJson = type.includes("json");
  let data = null;
  if (isJson && response.status !== 204) {
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) {
    const problem = type.includes("application/problem+json") && data && typeof data === "object"
      ? data
      : null;
    throw new ApiError(response.status, problem);
  }
  return data;
}

export const SIGN_IN_URL = "/api/auth/login?returnTo=/dashboard";

/**
 * What to tell the user about an error: a kind, a sentence, and perhaps a link to act on.
 * 401 or reauth: sign in again; 403: permissions; 502/503/504 or no network: Cal.com unreachable.
 */
export function describe(error) {
  const status = error instanceof ApiError ? error.status : 0;
  const problem = error instanceof ApiError ? error.problem : null;
  if (status === 401 || (problem && problem.reauth === true)) {
    return {
      kind: "reauth",
      message: "Your session with Cal.com has ended.",
      action: { href: SIGN_IN_URL, label: "Sign in again" },
    };
  }
  if (status === 403) {
    return {
      kind: "forbidden",
      message:
        "Cal.com refused access. Check the permissions you granted Callytics in Cal.com, then try again.",
    };
  }
  if (status === 0 || status === 502 || status === 503 || status === 504) {
    return { kind: "unavailable", message: "Cal.com unreachable, try again later." };
  }
  if (status === 400 && problem && typeof problem.detail === "string") {
    return { kind: "invalid", message: problem.detail };
  }
  if (status === 404) {
    return { kind: "missing", message: "This part of Callytics is not available yet." };
  }
  return {
    kind: "error",
    message:
      "Something went wrong on our side. Try again in a moment." +
      (problem && typeof problem.incident === "string" ? " Incident " + problem.incident + "." : ""),
  };
}

/** Fills `container` with the description of `error` (text only) and shows it. */
export function showError(container, error) {
  const info = describe(error);
  container.replaceChildren();
  container.dataset.kind = info.kind;
  const text = document.createElement("span");
  text.textContent = info.message;
  container.append(text);
  if (info.action) {
    const link = document.createElement("a");
    link.href = info.action.href;
    link.textContent = info.action.label;
    link.className = "alert-action";
    container.append(" ", link);
  }
  container.hidden = false;
  return info;
}
