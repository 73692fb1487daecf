package com.callytics.auth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callytics.auth.control.TokenCipher.UndecryptableTokenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

  private static final String SECRET = "cal_at_super-secret-access-token";

  @Test
  void roundTripsAndNeverStoresThePlaintext() {
    TokenCipher cipher = TokenCipher.withKeys(TokenCipher.newKey());

    String sealed = cipher.encrypt(SECRET);

    assertThat(sealed).startsWith("v1:" + cipher.currentKeyId() + ":").doesNotContain(SECRET);
    assertThat(cipher.decrypt(sealed)).isEqualTo(SECRET);
  }

  @Test
  void usesAFreshNoncePerValue() {
    TokenCipher cipher = TokenCipher.withKeys(TokenCipher.newKey());

    assertThat(cipher.encrypt(SECRET)).isNotEqualTo(cipher.encrypt(SECRET));
  }

  @Test
  void decryptsValuesSealedWithAPreviousKeyAfterRotation() {
    String oldKey = TokenCipher.newKey();
    String sealedWithOld = TokenCipher.withKeys(oldKey).encrypt(SECRET);

    TokenCipher rotated = TokenCipher.withKeys(TokenCipher.newKey(), oldKey);

    assertThat(rotated.decrypt(sealedWithOld)).isEqualTo(SECRET);
    assertThat(rotated.encrypt(SECRET)).contains(":" + rotated.currentKeyId() + ":");
  }

  @Test
  void aWrongKeyOrATamperedValueIsUndecryptableWithoutLeakingTheValue() {
    String sealed = TokenCipher.withKeys(TokenCipher.newKey()).encrypt(SECRET);
    TokenCipher other = TokenCipher.withKeys(TokenCipher.newKey());

    assertThatThrownBy(() -> other.decrypt(sealed))
        .isInstanceOf(UndecryptableTokenException.class)
        .hasMessageNotContaining(SECRET);

    TokenCipher same = TokenCipher.withKeys(TokenCipher.newKey());
    String mine = same.encrypt(SECRET);
    String tampered = mine.substring(0, mine.length() - 2) + (mine.endsWith("A") ? "BB" : "AA");
    assertThatThrownBy(() -> same.decrypt(tampered))
        .isInstanceOf(UndecryptableTokenException.class);
  }

  @Test
  void refusesKeysThatAreNotThirtyTwoBytes() {
    assertThatThrownBy(() -> TokenCipher.withKeys("c2hvcnQ="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void onH2WithoutAKeyGeneratesOneOnceIntoTheDataFolder(@TempDir Path dataDir) throws Exception {
    TokenCipher first = embedded(dataDir, "jdbc:h2:file:" + dataDir + "/db");
    first.init();
    String sealed = first.encrypt(SECRET);

    TokenCipher afterRestart = embedded(dataDir, "jdbc:h2:file:" + dataDir + "/db");
    afterRestart.init();

    assertThat(Files.exists(dataDir.resolve(TokenCipher.KEY_FILE))).isTrue();
    assertThat(afterRestart.decrypt(sealed)).isEqualTo(SECRET);
  }

  @Test
  void onAnyOtherDatabaseWithoutAKeyRefusesToStart(@TempDir Path dataDir) {
    TokenCipher cipher = embedded(dataDir, "jdbc:postgresql://127.0.0.1:5432/test");

    assertThatThrownBy(cipher::init)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("callytics.token.encryption-key is not set");
  }

  private static TokenCipher embedded(Path dataDir, String url) {
    TokenCipher cipher = new TokenCipher();
    cipher.configuredKey = Optional.empty();
    cipher.previousKeys = Optional.empty();
    cipher.datasourceUrl = url;
    cipher.dataDir = dataDir.toString();
    return cipher;
  }
}
