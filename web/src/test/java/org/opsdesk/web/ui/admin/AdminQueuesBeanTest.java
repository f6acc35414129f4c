package org.opsdesk.web.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminQueuesBeanTest {

    @Test
    void theNotifyListIsOneAddressALineOrSeveralOnALineWithoutAQuote() {
        assertThat(AdminQueuesBean.addresses(null)).isEmpty();
        assertThat(AdminQueuesBean.addresses("noc@example.com\n\n  oncall@example.com  \r\n"))
                .containsExactly("noc@example.com", "oncall@example.com");
        assertThat(AdminQueuesBean.addresses("a@example.com, b@example.com; c@example.com d@example.com"))
                .containsExactly("a@example.com", "b@example.com", "c@example.com", "d@example.com");
        assertThat(AdminQueuesBean.addresses("\"ops, night\"@example.com\nteam@example.com"))
                .as("a quoted local part stays whole").containsExactly("\"ops, night\"@example.com", "team@example.com");
    }
}
