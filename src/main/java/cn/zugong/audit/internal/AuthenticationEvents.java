package cn.zugong.audit.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;

/**
 * Spring Boot's default publisher, except that a failure it has no event class for (e.g. an
 * {@code InternalAuthenticationServiceException} when the account lookup itself fails) is still published,
 * so every failed login reaches the audit trail. Both security chains (form login and HTTP Basic) use it.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationEvents {

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setDefaultAuthenticationFailureEvent(AuthenticationFailureServiceExceptionEvent.class);
        return events;
    }
}
