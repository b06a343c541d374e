package io.guildhall.membership.person;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("guildhall.directory")
public record DirectorySettings(boolean syncOnStart, Duration syncInterval) {
}
