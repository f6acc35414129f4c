package org.opsdesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the three alert intakes, and only with a non-empty {@code secret} parameter, skip Basic/Bearer. */
class SecretIntakePathsTest {

    private final PublicPaths paths = new PublicPaths();

    @Test
    void theAlertIntakesWithASecretReachTheResource() {
        assertThat(paths.isSecretIntake("/api/alerts/nagios", "source=nagios&secret=abc")).isTrue();
        assertThat(paths.isSecretIntake("/api/alerts/alertmanager", "secret=abc")).isTrue();
        assertThat(paths.isSecretIntake("/api/alerts", "source=s&secret=x&y=1")).isTrue();
    }

    @Test
    void nothingElseDoes() {
        assertThat(paths.isSecretIntake("/api/alerts/nagios", "source=nagios")).isFalse();
        assertThat(paths.isSecretIntake("/api/alerts/nagios", "secret=")).isFalse();
        assertThat(paths.isSecretIntake("/api/alerts/nagios", "mysecret=abc")).isFalse();
        assertThat(paths.isSecretIntake("/api/alerts/nagios", null)).isFalse();
        assertThat(paths.isSecretIntake("/api/alerts/sources", "secret=abc")).isFalse();
        assertThat(paths.isSecretIntake("/api/hosts", "secret=abc")).isFalse();
        assertThat(paths.isSecretIntake("/api/tickets", "secret=abc")).isFalse();
        assertThat(paths.isSecretIntake("/api/alerts/nagios/", "secret=abc")).isFalse();
    }
}
