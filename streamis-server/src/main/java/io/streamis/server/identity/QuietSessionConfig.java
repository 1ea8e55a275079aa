package io.streamis.server.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Puts {@link QuietSessions} in front of the JDBC session store. Spring Boot backs its session configuration off when
 * another {@code SessionRepository} bean exists, so the store stays Boot's and only the filter that serves requests is
 * rebuilt over the quiet wrapper, with Boot's cookie settings (name, flags, timeout from server.servlet.session).
 */
@Configuration
class QuietSessionConfig {

    static final String FILTER = "springSessionRepositoryFilter";

    @Bean
    static BeanPostProcessor quietSessionFilter(ObjectProvider<SessionRepository<?>> store,
                                                ObjectProvider<CookieSerializer> cookies) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!FILTER.equals(name) || !(bean instanceof SessionRepositoryFilter<?>)) {
                    return bean;
                }
                SessionRepositoryFilter<QuietSessions.Quiet> quiet =
                        new SessionRepositoryFilter<>(new QuietSessions(store.getObject()));
                CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
                resolver.setCookieSerializer(cookies.getObject());
                quiet.setHttpSessionIdResolver(resolver);
                return quiet;
            }
        };
    }
}
