package io.streamis.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the config module.
 *
 * @param editEnable whether job config may be edited through the API ({@code wds.streamis.job.config.edit.enable})
 */
@ConfigurationProperties(prefix = "streamis.config")
public record StreamisConfigProperties(Boolean editEnable) {

    public StreamisConfigProperties {
        editEnable = editEnable == null ? Boolean.TRUE : editEnable;
    }
}
