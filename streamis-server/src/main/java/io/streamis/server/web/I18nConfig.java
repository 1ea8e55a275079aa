package io.streamis.server.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of what the server says to a person: chosen by the request's {@code Accept-Language}, English when
 * absent or unknown (the 0.3.x envelope's message stays English for API clients that send nothing).
 */
@Configuration
class I18nConfig {

    /**
     * Only translations live in the bundle: the English text is the code's own message, so a key without a
     * translation answers null and the caller keeps the English.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // One quoting rule for every line ('' is a quote), with or without arguments.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        // Locales without a country match any country of their language (zh-TW, en-US); zh_CN matches exactly.
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.CHINESE, Locale.SIMPLIFIED_CHINESE));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
