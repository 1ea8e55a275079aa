package io.streamis.server.web;

import io.streamis.common.security.LoginUser;
import io.streamis.server.audit.AuditInterceptor;
import io.streamis.server.identity.IdentityInterceptor;
import io.streamis.server.identity.SameOriginGuard;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves every REST controller under {@code /api/rest_j/v1} (as Linkis does) and the UI at {@code /}. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final String API_PREFIX = "/api/rest_j/v1";

    private final AuditInterceptor audit;
    private final IdentityInterceptor identity;
    private final SameOriginGuard sameOrigin;

    WebConfig(AuditInterceptor audit, IdentityInterceptor identity, SameOriginGuard sameOrigin) {
        this.audit = audit;
        this.identity = identity;
        this.sameOrigin = sameOrigin;
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(API_PREFIX, c -> c.isAnnotationPresent(RestController.class)
                && c.getPackageName().startsWith("io.streamis"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // First: its completion callback then runs also for requests the identity or cross-site checks refuse.
        registry.addInterceptor(audit).addPathPatterns(API_PREFIX + "/**");
        registry.addInterceptor(identity).addPathPatterns(API_PREFIX + "/**")
                .excludePathPatterns(API_PREFIX + "/user/login", API_PREFIX + "/streamis/health",
                        // asked by the 0.3.x login page before anyone is logged in (answers enableLoginEncrypt=false)
                        API_PREFIX + "/user/publicKey");
        // After the identity (a proven gateway token needs no same-origin proof); the login is guarded too, so a
        // foreign page cannot log a victim into an attacker's account.
        registry.addInterceptor(sameOrigin).addPathPatterns(API_PREFIX + "/**")
                .excludePathPatterns(API_PREFIX + "/streamis/health");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.hasParameterAnnotation(LoginUser.class);
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
                return request.getAttribute(IdentityInterceptor.USER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            }
        });
    }
}
