package dev.tillsync.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The KDF rule of docs/reliability.md: bcrypt at cost 10, a salt of its own per hash, no hash reused between users. */
class SecretsTest {
    @Test
    void twoUsersWithTheSamePinGetDifferentHashesThatBothVerify() {
        String a = Secrets.bcrypt("4711"), b = Secrets.bcrypt("4711");
        assertThat(a).isNotEqualTo(b);
        assertThat(a).startsWith("$2a$10$");
        // bcrypt's modular form: $2a$10$ + 22 characters of salt + 31 of hash
        assertThat(a.substring(7, 29)).isNotEqualTo(b.substring(7, 29));
        assertThat(Secrets.bcryptMatches("4711", a)).isTrue();
        assertThat(Secrets.bcryptMatches("4711", b)).isTrue();
        assertThat(Secrets.bcryptMatches("4712", a)).isFalse();
        assertThat(Secrets.bcryptMatches("4711", "")).isFalse();
        assertThat(Secrets.bcryptMatches(null, a)).isFalse();
    }
}
