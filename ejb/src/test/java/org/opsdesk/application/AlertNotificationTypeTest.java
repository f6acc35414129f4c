package org.opsdesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.AlertNotification.Type;

class AlertNotificationTypeTest {

    @Test
    void typesAreReadLenientlyAsNagiosIcingaAndAlertmanagerNameThem() {
        assertThat(Type.fromCode("downtimecancelled")).contains(Type.DOWNTIMEEND);
        assertThat(Type.fromCode("DOWNTIMEREMOVED")).as("Icinga's name").contains(Type.DOWNTIMEEND);
        assertThat(Type.fromCode("FLAPPINGDISABLED")).contains(Type.FLAPPINGSTOP);
        // Icinga's mail of a FlappingEnd was no monitoring mail at all: a ticket of its own, autoreply included
        assertThat(Type.fromCode("FLAPPINGEND")).as("Icinga's name").contains(Type.FLAPPINGSTOP);
        assertThat(Type.fromCode("resolved")).contains(Type.RECOVERY);
        assertThat(Type.fromCode("firing")).contains(Type.PROBLEM);
        assertThat(Type.fromCode(" Problem ")).contains(Type.PROBLEM);
        assertThat(Type.fromCode("EXPLODED")).isEmpty();
        assertThat(Type.fromCode(null)).isEmpty();
    }
}
