package org.opsdesk.domain.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A value this OpsDesk instance keeps for itself, such as the secret that signs its Message-IDs. */
@Entity
@Table(name = "app_setting")
public class AppSetting {

    @Id
    @Column(length = 100)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 4000)
    private String value;

    protected AppSetting() {
        // JPA
    }

    public AppSetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }
}
