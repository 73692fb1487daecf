package com.callytics.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Plays Cal.com on loopback: the OAuth consent page and token endpoints, {@code /v2/me} and {@code
 * /v2/bookings}, with knobs for faults, delays and token lifetimes. Test support only.
 *
 * <p>Thread-safe: every knob may be turned while requests are being served.
 */
public final class CalEmulator implements AutoCloseable {

  /** The emulated endpoints, for faults, delays, counters and recorded requests. */
  public enum Endpoint {
    AUTHORIZE("/auth/oauth2/authorize"),
    TOKEN("/api/auth/oauth/token"),
    REFRESH("/api/auth/oauth/refreshToken"),
    ME("/v2/me"),
    BOOKINGS("/v2/bookings");

    private final String path;

    Endpoint(String path) {
      this.path = path;
    }

    /** The path Cal.com serves this endpoint on. */
    public String path() {
      return path;
    }

    static Endpoint forPath(String path) {
      for (Endpoint e : values()) {
        if (e.path.equals(path)) {
          return e;
        }
      }
      return null;
    }
  }

  /** Response envelopes for {@code GET /v2/bookings}. */
  public enum Shape {
    /** Cal.com v2: {@code {"status","data":[...],"pagination":{...},"error":null}}. */
    STANDARD,
    /** A bare JSON array. */
    BARE_ARRAY,
    /** {@code {"data":[...],"totalCount","nextCursor","prevCursor"}}, cursors are skips. */
    DATA_CURSOR,
    /** {@code {"bookings":[...],"meta":{"total","nextCursor","prevCursor"}}}. */
    BOOKINGS_META
  }

  /** Where the refresh endpoint looks for the refresh token. */
  public enum RefreshTokenSource {
    /** {@code refresh_token} form field, else {@code Authorization: Bearer} (body wins). */
    BODY_OR_HEADER,
    /** Only {@code Authorization: Bearer} (older Cal.com). */
    HEADER_ONLY,
    /** Only the {@code refresh_token} form field. */
    BODY_ONLY
  }

  public static final String DEFAULT_CLIENT_ID = "callytics-local";
  public static final String DEFAULT_CLIENT_SECRET = "local-secret";
  public static final long DEFAULT_USER_ID = 1001;
  public static final int DEFAULT_BOOKING_COUNT = 40;
  public static final int MAX_BOOKING_COUNT = 100_000;
  public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(30);
  public static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);
  public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  /** Recorded requests kept per endpoint (oldest dropped first). */
  public static final int MAX_RECORDED_REQUESTS = 10_000;

  private static final Logger LOG = Logger.getLogger(CalEmulator.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
  private static final String JSON = "application/json; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static final byte[] V2_UNAUTHORIZED =
      utf8(
          "{\"status\":\"error\",\"error\":"
              + "{\"code\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}}");

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and delayed ACKs can add ~40 ms to every loopback response.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final String baseUrl;

  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Map<Long, User> users = new ConcurrentHashMap<>();
  private volatile long signedInUser = DEFAULT_USER_ID;
  private volatile boolean autoApprove;
  private volatile Shape shape = Shape.STANDARD;
  private volatile RefreshTokenSource refreshTokenSource = RefreshTokenSource.BODY_OR_HEADER;
  private volatile boolean rotateRefreshTokens = true;
  private volatile Duration accessTokenLifetime = DEFAULT_ACCESS_TOKEN_LIFETIME;
  private volatile Duration refreshTokenLifetime = DEFAULT_REFRESH_TOKEN_LIFETIME;
  private volatile boolean omitExpiresIn;
  private volatile Clock clock = Clock.systemUTC();

  private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();

  private final Map<Long, Integer> bookingCounts = new ConcurrentHashMap<>();
  private final Map<Long, UserBookings> bookingSets = new ConcurrentHashMap<>();

  private final Map<Endpoint, ConcurrentLinkedQueue<Fault>> faults = new EnumMap<>(Endpoint.class);
  private final Map<Integer, Fault> skipFaults = new ConcurrentHashMap<>();
  private final Map<Endpoint, Duration> delays = new ConcurrentHashMap<>();
  private final Map<Endpoint, AtomicInteger> counters = new EnumMap<>(Endpoint.class);
  private final Map<Endpoint, Deque<RecordedRequest>> recorded = new EnumMap<>(Endpoint.class);

  private CalEmulator(int port) throws IOException {
    for (Endpoint e : Endpoint.values()) {
      faults.put(e, new ConcurrentLinkedQueue<>());
      counters.put(e, new AtomicInteger());
      recorded.put(e, new ArrayDeque<>());
    }
    clients.put(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    users.put(
        DEFAULT_USER_ID,
        new User(DEFAULT_USER_ID, "alice", "alice@example.com", "Alice Example", "Europe/Berlin"));

    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    server = HttpServer.create(new InetSocketAddress(loopback, port), 1024);
    AtomicInteger threadNumber = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            256,
            256,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread t = new Thread(runnable, "cal-emulator-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    LOG.fine(() -> "Cal.com emulator listening on " + baseUrl);
  }

  /**
   * Starts an emulator on 127.0.0.1.
   *
   * @param port the port, 0 for any free one
   */
  public static CalEmulator start(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    try {
      return new CalEmulator(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Cal.com emulator on port " + port, e);
    }
  }

  /** E.g. {@code http://127.0.0.1:18089}, no trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving; pending delays are cut short. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- clients, users, sign-in

  /** Registers (or re-registers with a new secret) an OAuth client. Several may exist. */
  public CalEmulator registerClient(String clientId, String clientSecret) {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    clients.put(clientId, clientSecret);
    return this;
  }

  /** Adds or replaces a Cal.com user (time zone Europe/Berlin). */
  public CalEmulator addUser(long id, String username, String email, String name) {
    return addUser(id, username, email, name, "Europe/Berlin");
  }

  /** Adds or replaces a Cal.com user. */
  public CalEmulator addUser(long id, String username, String email, String name, String timeZone) {
    users.put(id, new User(id, username, email, name, timeZone));
    return this;
  }

  /** Selects the user the consent page (and auto-approval) acts for. */
  public CalEmulator signInAs(long userId) {
    requireUser(userId);
    signedInUser = userId;
    return this;
  }

  /** When true, {@code GET /auth/oauth2/authorize} redirects with a code straight away. */
  public CalEmulator autoApprove(boolean autoApprove) {
    this.autoApprove = autoApprove;
    return this;
  }

  // ---------------------------------------------------------------- token knobs

  public CalEmulator refreshTokenSource(RefreshTokenSource source) {
    this.refreshTokenSource = Objects.requireNonNull(source, "source");
    return this;
  }

  /** When on (the default) each refresh issues a new refresh token and revokes the old one. */
  public CalEmulator rotateRefreshTokens(boolean rotate) {
    this.rotateRefreshTokens = rotate;
    return this;
  }

  /** Lifetime of newly issued access tokens, also sent as {@code expires_in}. */
  public CalEmulator accessTokenLifetime(Duration lifetime) {
    requirePositive(lifetime);
    this.accessTokenLifetime = lifetime;
    return this;
  }

  /** Lifetime of newly issued refresh tokens (default 30 days). */
  public CalEmulator refreshTokenLifetime(Duration lifetime) {
    requirePositive(lifetime);
    this.refreshTokenLifetime = lifetime;
    return this;
  }

  /** When true, token responses carry no {@code expires_in}. */
  public CalEmulator omitExpiresIn(boolean omit) {
    this.omitExpiresIn = omit;
    return this;
  }

  /**
   * The clock for token and code expiry, "now" in status filters, changeBookings' updatedAt and the
   * anchor of newly generated booking sets. Default: system UTC.
   */
  public CalEmulator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Makes every access token issued so far to the user invalid, as if expired. */
  public void expireAccessTokens(long userId) {
    accessTokens.values().stream()
        .filter(g -> g.userId == userId)
        .forEach(g -> g.revoked.set(true));
  }

  /** Revokes every refresh token issued so far to the user. */
  public void revokeRefreshTokens(long userId) {
    refreshTokens.values().stream()
        .filter(g -> g.userId == userId)
        .forEach(g -> g.revoked.set(true));
  }

  // ---------------------------------------------------------------- bookings

  public CalEmulator bookingsShape(Shape shape) {
    this.shape = Objects.requireNonNull(shape, "shape");
    return this;
  }

  /**
   * Sets how many bookings the user has (default 40, at most 100,000). The set is regenerated
   * (lazily, on first use): earlier {@link #changeBookings} are discarded.
   */
  public CalEmulator setBookingCount(long userId, int count) {
    requireUser(userId);
    if (count < 0 || count > MAX_BOOKING_COUNT) {
      throw new IllegalArgumentException("count must be 0.." + MAX_BOOKING_COUNT + ": " + count);
    }
    bookingCounts.put(userId, count);
    bookingSets.remove(userId);
    return this;
  }

  public int bookingCount(long userId) {
    return bookingsOf(userId).size();
  }

  /**
   * Changes {@code n} of the user's bookings (accepted/pending ones are cancelled with a reason; if
   * there are too few, others get new notes) and sets their updatedAt to the current clock (rounded
   * up to the millisecond). Returns their uids.
   */
  public List<String> changeBookings(long userId, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    Instant now = clock.instant();
    return bookingsOf(userId).change(n, BookingQuery.ceilMillis(now));
  }

  /** uid → updatedAt of all the user's bookings, in start order. */
  public Map<String, Instant> bookingUpdatedAt(long userId) {
    return bookingsOf(userId).updatedAt();
  }

  /** All the user's bookings as the JSON objects {@code /v2/bookings} serves, in start order. */
  public List<JsonObject> bookings(long userId) {
    User user = requireUser(userId);
    byte[] json = bookingsOf(userId).all(user);
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      JsonArray array = reader.readArray();
      List<JsonObject> out = new ArrayList<>(array.size());
      for (JsonValue v : array) {
        out.add(v.asJsonObject());
      }
      return Collections.unmodifiableList(out);
    }
  }

  /** One of the user's bookings as JSON. */
  public Optional<JsonObject> booking(long userId, String uid) {
    User user = requireUser(userId);
    byte[] json = bookingsOf(userId).one(uid, user);
    if (json == null) {
      return Optional.empty();
    }
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      return Optional.of(reader.readObject());
    }
  }

  private UserBookings bookingsOf(long userId) {
    requireUser(userId);
    return bookingSets.computeIfAbsent(
        userId,
        id ->
            new UserBookings(
                id,
                bookingCounts.getOrDefault(id, DEFAULT_BOOKING_COUNT),
                clock.instant().truncatedTo(ChronoUnit.DAYS).toEpochMilli()));
  }

  // ---------------------------------------------------------------- faults and inspection

  /** Queues a one-shot fault for the next request to the endpoint (FIFO). */
  public void enqueueFault(Endpoint endpoint, Fault fault) {
    faults.get(Objects.requireNonNull(endpoint, "endpoint")).add(Objects.requireNonNull(fault));
  }

  /** Every {@code /v2/bookings} request with this skip gets the fault, until clearFaults. */
  public void failBookingsAtSkip(int skip, Fault fault) {
    skipFaults.put(skip, Objects.requireNonNull(fault, "fault"));
  }

  /** Adds latency to every request of the endpoint; null or zero removes it. */
  public void setDelay(Endpoint endpoint, Duration delay) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (delay == null || delay.isZero()) {
      delays.remove(endpoint);
    } else {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
      delays.put(endpoint, delay);
    }
  }

  /** Drops queued faults, skip faults and endpoint delays. */
  public void clearFaults() {
    faults.values().forEach(ConcurrentLinkedQueue::clear);
    skipFaults.clear();
    delays.clear();
  }

  /** Requests received by the endpoint (faulted ones included) since start or reset. */
  public int calls(Endpoint endpoint) {
    return counters.get(endpoint).get();
  }

  /** The latest request to the endpoint, or null. */
  public RecordedRequest lastRequest(Endpoint endpoint) {
    Deque<RecordedRequest> deque = recorded.get(endpoint);
    synchronized (deque) {
      return deque.peekLast();
    }
  }

  /** Requests to the endpoint, oldest first (at most {@link #MAX_RECORDED_REQUESTS}). */
  public List<RecordedRequest> requests(Endpoint endpoint) {
    Deque<RecordedRequest> deque = recorded.get(endpoint);
    synchronized (deque) {
      return List.copyOf(deque);
    }
  }

  /** Every access token, refresh token and authorization code ever issued. */
  public Set<String> issuedSecrets() {
    return Set.copyOf(issuedSecrets);
  }

  /**
   * Clears faults, delays, counters and recorded requests. Users, clients, booking sets, knobs and
   * issued tokens stay.
   */
  public void reset() {
    clearFaults();
    for (Endpoint e : Endpoint.values()) {
      Deque<RecordedRequest> deque = recorded.get(e);
      synchronized (deque) {
        deque.clear();
      }
      counters.get(e).set(0);
    }
  }

  /**
   * {@link #reset()}, and the knobs back to their defaults: no auto-approve, STANDARD shape,
   * BODY_OR_HEADER, rotation on, default lifetimes, expires_in sent, system clock, signed in as
   * 1001.
   */
  public void restoreDefaults() {
    reset();
    autoApprove = false;
    shape = Shape.STANDARD;
    refreshTokenSource = RefreshTokenSource.BODY_OR_HEADER;
    rotateRefreshTokens = true;
    accessTokenLifetime = DEFAULT_ACCESS_TOKEN_LIFETIME;
    refreshTokenLifetime = DEFAULT_REFRESH_TOKEN_LIFETIME;
    omitExpiresIn = false;
    clock = Clock.systemUTC();
    signedInUser = DEFAULT_USER_ID;
  }

  // ---------------------------------------------------------------- HTTP plumbing

  private void handle(HttpExchange ex) {
    try {
      dispatch(ex);
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "emulator failure on " + ex.getRequestURI().getPath(), e);
      try {
        send(ex, 500, JSON, utf8("{\"error\":\"emulator_failure\"}"), Map.of());
      } catch (IOException | RuntimeException ignored) {
        // the response may have been started already
      }
    } finally {
      ex.close();
    }
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    byte[] body = ex.getRequestBody().readAllBytes();
    Endpoint endpoint = Endpoint.forPath(path);
    if (endpoint == null) {
      String message = "Cannot " + method + " " + path;
      send(ex, 404, JSON, utf8(errorV2("NOT_FOUND", message)), Map.of());
      return;
    }

    List<Map.Entry<String, String>> query = parsePairs(ex.getRequestURI().getRawQuery());
    String bodyText = new String(body, StandardCharsets.UTF_8);
    List<Map.Entry<String, String>> form =
        parseBody(ex.getRequestHeaders().getFirst("Content-Type"), bodyText);
    record(endpoint, ex, method, path, query, form, bodyText);
    LOG.fine(() -> method + " " + ex.getRequestURI().getPath());

    Duration delay = delays.get(endpoint);
    if (delay != null && !pause(delay)) {
      return;
    }
    Fault fault = faults.get(endpoint).poll();
    if (fault == null && endpoint == Endpoint.BOOKINGS && !skipFaults.isEmpty()) {
      fault = skipFaults.get(skipOf(query));
    }
    if (fault != null) {
      if (fault.isDelay()) {
        if (!pause(fault.delayDuration())) {
          return;
        }
      } else {
        sendFault(ex, fault);
        return;
      }
    }

    switch (endpoint) {
      case AUTHORIZE:
        authorize(ex, method, query, form);
        break;
      case TOKEN:
        if (requireMethod(ex, method, "POST")) {
          token(ex, ex.getRequestHeaders(), firstValues(form));
        }
        break;
      case REFRESH:
        if (requireMethod(ex, method, "POST")) {
          refresh(ex, ex.getRequestHeaders(), firstValues(form));
        }
        break;
      case ME:
        if (requireMethod(ex, method, "GET")) {
          me(ex);
        }
        break;
      default:
        if (requireMethod(ex, method, "GET")) {
          bookingsEndpoint(ex, query);
        }
        break;
    }
  }

  private void record(
      Endpoint endpoint,
      HttpExchange ex,
      String method,
      String path,
      List<Map.Entry<String, String>> query,
      List<Map.Entry<String, String>> form,
      String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      headers
          .computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(h.getValue());
    }
    RecordedRequest request =
        new RecordedRequest(
            method, path, multiMap(query), multiMap(form), freeze(headers), body, clock.instant());
    Deque<RecordedRequest> deque = recorded.get(endpoint);
    synchronized (deque) {
      if (deque.size() >= MAX_RECORDED_REQUESTS) {
        deque.pollFirst();
      }
      deque.addLast(request);
    }
    counters.get(endpoint).incrementAndGet();
  }

  /** Waits; false when the emulator was closed meanwhile. */
  private boolean pause(Duration delay) {
    try {
      return !closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int skipOf(List<Map.Entry<String, String>> query) {
    for (Map.Entry<String, String> e : query) {
      if (e.getKey().equals("skip")) {
        try {
          return Integer.parseInt(e.getValue().trim());
        } catch (NumberFormatException ignored) {
          return -1;
        }
      }
    }
    return 0;
  }

  private static boolean requireMethod(HttpExchange ex, String method, String allowed)
      throws IOException {
    if (method.equals(allowed)) {
      return true;
    }
    send(
        ex,
        405,
        JSON,
        utf8(errorV2("METHOD_NOT_ALLOWED", "Method " + method + " not allowed")),
        Map.of("Allow", allowed));
    return false;
  }

  private static void sendFault(HttpExchange ex, Fault fault) throws IOException {
    byte[] body = fault.body() == null ? null : utf8(fault.body());
    send(ex, fault.statusCode(), fault.contentType(), body, fault.headers());
  }

  private static void send(
      HttpExchange ex, int status, String contentType, byte[] body, Map<String, String> headers)
      throws IOException {
    Headers h = ex.getResponseHeaders();
    if (contentType != null) {
      h.set("Content-Type", contentType);
    }
    h.set("Cache-Control", "no-store");
    headers.forEach(h::set);
    boolean noBody =
        body == null || body.length == 0 || status == 204 || status == 304 || status < 200;
    if (noBody || ex.getRequestMethod().equalsIgnoreCase("HEAD")) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sendJson(HttpExchange ex, int status, String json) throws IOException {
    send(ex, status, JSON, utf8(json), Map.of());
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    send(ex, 302, null, null, Map.of("Location", location));
  }

  // ---------------------------------------------------------------- authorize

  private void authorize(
      HttpExchange ex,
      String method,
      List<Map.Entry<String, String>> query,
      List<Map.Entry<String, String>> form)
      throws IOException {
    Map<String, String> params = firstValues(query);
    if (method.equals("POST")) {
      params.putAll(firstValues(form));
    } else if (!method.equals("GET")) {
      requireMethod(ex, method, "GET, POST");
      return;
    }
    String problem = authorizeProblem(params);
    if (problem != null) {
      sendHtml(ex, 400, errorPage(problem));
      return;
    }
    String redirectUri = params.get("redirect_uri");
    String state = params.get("state");
    if (method.equals("GET")) {
      if (autoApprove) {
        redirect(ex, withQuery(redirectUri, "code", issueCode(params), "state", state));
      } else {
        sendHtml(ex, 200, consentPage(params));
      }
      return;
    }
    String decision = params.getOrDefault("decision", "");
    if (decision.equals("allow")) {
      redirect(ex, withQuery(redirectUri, "code", issueCode(params), "state", state));
    } else if (decision.equals("deny")) {
      redirect(ex, withQuery(redirectUri, "error", "access_denied", "state", state));
    } else {
      sendHtml(ex, 400, errorPage("decision must be allow or deny."));
    }
  }

  private String authorizeProblem(Map<String, String> p) {
    String clientId = p.get("client_id");
    if (isBlank(clientId)) {
      return "client_id is missing.";
    }
    if (!clients.containsKey(clientId)) {
      return "Unknown client_id.";
    }
    String redirectUri = p.get("redirect_uri");
    if (isBlank(redirectUri)) {
      return "redirect_uri is missing.";
    }
    try {
      URI uri = new URI(redirectUri);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawFragment() != null) {
        return "redirect_uri must be an absolute http(s) URI without a fragment.";
      }
    } catch (URISyntaxException e) {
      return "redirect_uri is not a valid URI.";
    }
    if (!"code".equals(p.get("response_type"))) {
      return "response_type must be code.";
    }
    if (isBlank(p.get("state"))) {
      return "state is missing.";
    }
    if (isBlank(p.get("code_challenge"))) {
      return "code_challenge is missing (PKCE is required).";
    }
    if (!"S256".equals(p.get("code_challenge_method"))) {
      return "code_challenge_method must be S256.";
    }
    return null;
  }

  private String issueCode(Map<String, String> params) {
    String code = randomSecret();
    codes.put(
        code,
        new AuthCode(
            params.get("client_id"),
            params.get("redirect_uri"),
            params.get("code_challenge"),
            signedInUser,
            clock.instant().plus(CODE_LIFETIME)));
    issuedSecrets.add(code);
    return code;
  }

  private String consentPage(Map<String, String> params) {
    User user = users.get(signedInUser);
    StringBuilder hidden = new StringBuilder();
    for (String name :
        List.of(
            "client_id",
            "redirect_uri",
            "response_type",
            "scope",
            "state",
            "code_challenge",
            "code_challenge_method")) {
      String value = params.get(name);
      if (value != null) {
        hidden
            .append("      <input type=\"hidden\" name=\"")
            .append(name)
            .append("\" value=\"")
            .append(escapeHtml(value))
            .append("\">\n");
      }
    }
    String scope = params.get("scope");
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
        + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "  <title>Authorize Callytics | Cal.com</title>\n"
        + "  <style>body{font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}"
        + "button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}</style>\n"
        + "</head>\n<body>\n  <main>\n"
        + "    <h1>Callytics wants to read your bookings and profile</h1>\n"
        + "    <p>Signed in to Cal.com as <strong id=\"user-name\">"
        + escapeHtml(user == null ? "?" : user.name())
        + "</strong> (<span id=\"user-email\">"
        + escapeHtml(user == null ? "?" : user.email())
        + "</span>).</p>\n"
        + "    <p>Client: <code id=\"client-id\">"
        + escapeHtml(params.get("client_id"))
        + "</code></p>\n"
        + (isBlank(scope)
            ? ""
            : "    <p>Requested scope: <code id=\"scope\">" + escapeHtml(scope) + "</code></p>\n")
        + "    <form id=\"consent\" method=\"post\" action=\"/auth/oauth2/authorize\">\n"
        + hidden
        + "      <button type=\"submit\" id=\"allow\" name=\"decision\" value=\"allow\">Allow"
        + "</button>\n"
        + "      <button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">Deny"
        + "</button>\n"
        + "    </form>\n  </main>\n</body>\n</html>\n";
  }

  private static String errorPage(String problem) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
        + "  <title>Authorization error | Cal.com</title>\n</head>\n<body>\n"
        + "  <h1>Authorization error</h1>\n  <p id=\"error\">"
        + escapeHtml(problem)
        + "</p>\n</body>\n</html>\n";
  }

  private static void sendHtml(HttpExchange ex, int status, String html) throws IOException {
    send(
        ex,
        status,
        HTML,
        utf8(html),
        Map.of(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'",
            "X-Frame-Options",
            "DENY"));
  }

  // ---------------------------------------------------------------- token and refresh

  private void token(HttpExchange ex, Headers headers, Map<String, String> form)
      throws IOException {
    String clientId = authenticateClient(form, headers, true);
    if (clientId == null) {
      sendJson(ex, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (!"authorization_code".equals(form.get("grant_type"))) {
      invalidGrant(ex, "grant_type must be authorization_code");
      return;
    }
    String codeValue = form.get("code");
    AuthCode code = codeValue == null ? null : codes.get(codeValue);
    if (code == null) {
      invalidGrant(ex, "unknown authorization code");
      return;
    }
    if (!code.used.compareAndSet(false, true)) {
      invalidGrant(ex, "authorization code already used");
      return;
    }
    if (!clock.instant().isBefore(code.expiresAt)) {
      invalidGrant(ex, "authorization code expired");
      return;
    }
    if (!code.clientId.equals(clientId)) {
      invalidGrant(ex, "authorization code was issued to another client");
      return;
    }
    if (!code.redirectUri.equals(form.get("redirect_uri"))) {
      invalidGrant(ex, "redirect_uri does not match the authorization request");
      return;
    }
    String verifier = form.get("code_verifier");
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      invalidGrant(ex, "code_verifier is missing or malformed");
      return;
    }
    if (!s256(verifier).equals(code.challenge)) {
      invalidGrant(ex, "code_verifier does not match code_challenge");
      return;
    }
    String refresh = issueRefreshToken(clientId, code.userId);
    sendJson(ex, 200, tokenResponse(issueAccessToken(clientId, code.userId), refresh));
  }

  private void refresh(HttpExchange ex, Headers headers, Map<String, String> form)
      throws IOException {
    String clientId = authenticateClient(form, headers, false);
    if (clientId == null) {
      sendJson(ex, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (!"refresh_token".equals(form.get("grant_type"))) {
      invalidGrant(ex, "grant_type must be refresh_token");
      return;
    }
    String fromBody = blankToNull(form.get("refresh_token"));
    String fromHeader = bearer(headers);
    String presented;
    switch (refreshTokenSource) {
      case HEADER_ONLY:
        presented = fromHeader;
        break;
      case BODY_ONLY:
        presented = fromBody;
        break;
      default:
        presented = fromBody != null ? fromBody : fromHeader;
        break;
    }
    if (presented == null) {
      invalidGrant(
          ex,
          refreshTokenSource == RefreshTokenSource.HEADER_ONLY
              ? "refresh token must be sent as Authorization: Bearer"
              : refreshTokenSource == RefreshTokenSource.BODY_ONLY
                  ? "refresh_token form field is missing"
                  : "refresh token is missing");
      return;
    }
    Grant grant = refreshTokens.get(presented);
    if (grant == null || grant.revoked.get()) {
      invalidGrant(ex, "refresh token is unknown or revoked");
      return;
    }
    if (!clock.instant().isBefore(grant.expiresAt)) {
      invalidGrant(ex, "refresh token expired");
      return;
    }
    if (!grant.clientId.equals(clientId)) {
      invalidGrant(ex, "refresh token was issued to another client");
      return;
    }
    String refresh = presented;
    if (rotateRefreshTokens) {
      if (!grant.revoked.compareAndSet(false, true)) {
        invalidGrant(ex, "refresh token is unknown or revoked");
        return;
      }
      refresh = issueRefreshToken(clientId, grant.userId);
    }
    sendJson(ex, 200, tokenResponse(issueAccessToken(clientId, grant.userId), refresh));
  }

  /** The authenticated client id, or null. Basic auth is tried when allowed and needed. */
  private String authenticateClient(Map<String, String> form, Headers headers, boolean allowBasic) {
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    if ((id == null || secret == null) && allowBasic) {
      String auth = headers.getFirst("Authorization");
      if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
        try {
          String decoded =
              new String(
                  Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          if (colon > 0) {
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
          }
        } catch (IllegalArgumentException ignored) {
          return null;
        }
      }
    }
    if (id == null || secret == null) {
      return null;
    }
    String expected = clients.get(id);
    if (expected == null
        || !MessageDigest.isEqual(utf8(expected), secret.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    return id;
  }

  private String issueAccessToken(String clientId, long userId) {
    String token = randomSecret();
    accessTokens.put(token, new Grant(clientId, userId, clock.instant().plus(accessTokenLifetime)));
    issuedSecrets.add(token);
    return token;
  }

  private String issueRefreshToken(String clientId, long userId) {
    String token = randomSecret();
    refreshTokens.put(
        token, new Grant(clientId, userId, clock.instant().plus(refreshTokenLifetime)));
    issuedSecrets.add(token);
    return token;
  }

  private String tokenResponse(String accessToken, String refreshToken) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("access_token", accessToken)
            .add("refresh_token", refreshToken);
    if (!omitExpiresIn) {
      b.add("expires_in", accessTokenLifetime.toSeconds());
    }
    return b.add("token_type", "bearer").build().toString();
  }

  private static void invalidGrant(HttpExchange ex, String description) throws IOException {
    sendJson(
        ex,
        400,
        Json.createObjectBuilder()
            .add("error", "invalid_grant")
            .add("error_description", description)
            .build()
            .toString());
  }

  // ---------------------------------------------------------------- /v2

  /** The user behind a valid access token, or null after answering 401. */
  private User authenticate(HttpExchange ex) throws IOException {
    String token = bearer(ex.getRequestHeaders());
    Grant grant = token == null ? null : accessTokens.get(token);
    User user = grant == null ? null : users.get(grant.userId);
    if (user == null || grant.revoked.get() || !clock.instant().isBefore(grant.expiresAt)) {
      send(ex, 401, JSON, V2_UNAUTHORIZED, Map.of());
      return null;
    }
    return user;
  }

  private void me(HttpExchange ex) throws IOException {
    User user = authenticate(ex);
    if (user == null) {
      return;
    }
    JsonObject data =
        Json.createObjectBuilder()
            .add("id", user.id())
            .add("username", user.username())
            .add("email", user.email())
            .add("name", user.name())
            .add("avatarUrl", user.avatarUrl())
            .add("timeZone", user.timeZone())
            .build();
    sendJson(
        ex,
        200,
        Json.createObjectBuilder().add("status", "success").add("data", data).build().toString());
  }

  private void bookingsEndpoint(HttpExchange ex, List<Map.Entry<String, String>> query)
      throws IOException {
    User user = authenticate(ex);
    if (user == null) {
      return;
    }
    BookingQuery q;
    try {
      q = BookingQuery.parse(query);
    } catch (BadRequestException e) {
      sendJson(ex, 400, errorV2("BAD_REQUEST", e.getMessage()));
      return;
    }
    byte[] page = bookingsOf(user.id()).page(q, clock.millis(), shape, user);
    send(ex, 200, JSON, page, Map.of());
  }

  // ---------------------------------------------------------------- helpers

  private User requireUser(long userId) {
    User user = users.get(userId);
    if (user == null) {
      throw new IllegalArgumentException("unknown user " + userId + "; addUser first");
    }
    return user;
  }

  private static void requirePositive(Duration d) {
    Objects.requireNonNull(d, "lifetime");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
  }

  private static String bearer(Headers headers) {
    String auth = headers.getFirst("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return blankToNull(auth.substring(7).trim());
  }

  private static String errorV2(String code, String message) {
    return Json.createObjectBuilder()
        .add("status", "error")
        .add("error", Json.createObjectBuilder().add("code", code).add("message", message))
        .build()
        .toString();
  }

  private static List<Map.Entry<String, String>> parseBody(String contentType, String body) {
    if (contentType == null || body.isEmpty()) {
      return List.of();
    }
    String ct = contentType.toLowerCase(Locale.ROOT);
    if (ct.startsWith("application/x-www-form-urlencoded")) {
      return parsePairs(body);
    }
    if (ct.startsWith("application/json")) {
      try (JsonReader reader = Json.createReader(new java.io.StringReader(body))) {
        JsonValue value = reader.readValue();
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
          return List.of();
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
          JsonValue v = e.getValue();
          if (v instanceof JsonString) {
            out.add(
                new AbstractMap.SimpleImmutableEntry<>(e.getKey(), ((JsonString) v).getString()));
          } else if (v.getValueType() == JsonValue.ValueType.NUMBER
              || v.getValueType() == JsonValue.ValueType.TRUE
              || v.getValueType() == JsonValue.ValueType.FALSE) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), v.toString()));
          }
        }
        return out;
      } catch (RuntimeException e) {
        return List.of();
      }
    }
    return List.of();
  }

  static List<Map.Entry<String, String>> parsePairs(String raw) {
    if (raw == null || raw.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.add(
            new AbstractMap.SimpleImmutableEntry<>(
                URLDecoder.decode(key, StandardCharsets.UTF_8),
                URLDecoder.decode(value, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        out.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
      }
    }
    return out;
  }

  private static Map<String, List<String>> multiMap(List<Map.Entry<String, String>> pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs) {
      map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
    return freeze(map);
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, String> firstValues(List<Map.Entry<String, String>> pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs) {
      map.putIfAbsent(e.getKey(), e.getValue());
    }
    return map;
  }

  private static String withQuery(String uri, String k1, String v1, String k2, String v2) {
    StringBuilder b = new StringBuilder(uri);
    b.append(uri.contains("?") ? (uri.endsWith("?") || uri.endsWith("&") ? "" : "&") : "?");
    b.append(k1).append('=').append(URLEncoder.encode(v1, StandardCharsets.UTF_8));
    b.append('&').append(k2).append('=').append(URLEncoder.encode(v2, StandardCharsets.UTF_8));
    return b.toString();
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final class AuthCode {
    final String clientId;
    final String redirectUri;
    final String challenge;
    final long userId;
    final Instant expiresAt;
    final AtomicBoolean used = new AtomicBoolean();

    AuthCode(
        String clientId, String redirectUri, String challenge, long userId, Instant expiresAt) {
      this.clientId = clientId;
      this.redirectUri = redirectUri;
      this.challenge = challenge;
      this.userId = userId;
      this.expiresAt = expiresAt;
    }
  }

  private static final class Grant {
    final String clientId;
    final long userId;
    final Instant expiresAt;
    final AtomicBoolean revoked = new AtomicBoolean();

    Grant(String clientId, long userId, Instant expiresAt) {
      this.clientId = clientId;
      this.userId = userId;
      this.expiresAt = expiresAt;
    }
  }
}
