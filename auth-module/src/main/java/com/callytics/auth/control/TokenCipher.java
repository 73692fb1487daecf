package com.callytics.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts tokens at rest with AES-256-GCM: a random 96-bit nonce per value and the key id stored
 * beside the ciphertext ({@code v1:<keyId>:<nonce>:<ciphertext>}), so keys can rotate: the current
 * key encrypts, the current and previous keys decrypt.
 */
@ApplicationScoped
public class TokenCipher {

  static final String KEY_FILE = "token-encryption.key";
  private static final Logger LOG = Logger.getLogger(TokenCipher.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject
  @ConfigProperty(name = "callytics.token.encryption-key")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(name = "callytics.token.previous-encryption-keys")
  Optional<String> previousKeys;

  @Inject
  @ConfigProperty(name = "callytics.datasource.url")
  String datasourceUrl;

  @Inject
  @ConfigProperty(name = "callytics.data-dir")
  String dataDir;

  private String currentKeyId;
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();

  public TokenCipher() {}

  /** For tests and tools: a cipher with the given base64 keys, the first one current. */
  public static TokenCipher withKeys(String currentKey, String... previous) {
    TokenCipher cipher = new TokenCipher();
    cipher.useKeys(currentKey, List.of(previous));
    return cipher;
  }

  @PostConstruct
  void init() {
    String current = configuredKey.filter(k -> !k.isBlank()).orElseGet(this::embeddedKey);
    useKeys(current, previousKeys.map(keys -> List.of(keys.split(","))).orElse(List.of()));
  }

  /** Fails the deployment early (called at start-up) when no key can be had. */
  public void ensureReady() {
    if (currentKeyId == null) {
      throw new IllegalStateException("token encryption key not initialised");
    }
  }

  private String embeddedKey() {
    if (datasourceUrl == null || !datasourceUrl.startsWith("jdbc:h2:")) {
      throw new IllegalStateException(
          "callytics.token.encryption-key is not set. It is required with any database other"
              + " than the embedded H2: set it to the base64 encoding of 32 random bytes (for"
              + " example the output of `openssl rand -base64 32`).");
    }
    Path file = Path.of(dataDir, KEY_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(key));
          LOG.warning(
              () ->
                  "callytics.token.encryption-key is not set: generated a token encryption key"
                      + " into "
                      + file
                      + ". Keep that file with the database; set the key explicitly in"
                      + " production.");
        } catch (FileAlreadyExistsException raced) {
          // another start-up created it first: use theirs
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the token key file " + file, e);
    }
  }

  private void useKeys(String current, List<String> previous) {
    keys.clear();
    currentKeyId = register(current);
    previous.stream().filter(k -> !k.isBlank()).forEach(this::register);
  }

  private String register(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("a token encryption key is not valid base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException("a token encryption key must be 32 bytes (AES-256)");
    }
    String id = Secrets.sha256Hex(Base64.getEncoder().encodeToString(raw)).substring(0, 8);
    keys.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
    return id;
  }

  public String encrypt(String plaintext) {
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return "v1:"
          + currentKeyId
          + ":"
          + b64.encodeToString(nonce)
          + ":"
          + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("token encryption failed", e);
    }
  }

  /**
   * @throws UndecryptableTokenException when the value was sealed with an unknown key or has been
   *     altered: the user must sign in again
   */
  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = stored.split(":");
    if (parts.length != 4 || !"v1".equals(parts[0])) {
      throw new UndecryptableTokenException("unknown token format");
    }
    SecretKey key = keys.get(parts[1]);
    if (key == null) {
      throw new UndecryptableTokenException("token sealed with an unknown key " + parts[1]);
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(parts[2])));
      cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
      return new String(cipher.doFinal(b64.decode(parts[3])), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UndecryptableTokenException("token cannot be decrypted with key " + parts[1]);
    }
  }

  String currentKeyId() {
    return currentKeyId;
  }

  static String newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** A stored token that cannot be decrypted (wrong or retired key). Never carries the value. */
  public static class UndecryptableTokenException extends RuntimeException {
    public UndecryptableTokenException(String message) {
      super(message);
    }
  }
}
