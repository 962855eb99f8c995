package cn.zugong.security.internal;

import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import cn.zugong.shared.web.AccessRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two chains: /api/** is stateless HTTP Basic (no cookies, so no CSRF exposure); pages use form login with
 * a session and CSRF tokens. Routes are default-deny for the three security officers (三员): each reaches
 * only its own pages, every other route needs a business role. Data scope is enforced in every query.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

    private static final String[] BUSINESS_ROLES = Role.business().stream().map(Role::name).toArray(String[]::new);
    /** Everything except the service cadres' own pages is the office's: cadres are default-denied there. */
    private static final String[] OFFICE_ROLES = Role.office().stream().map(Role::name).toArray(String[]::new);
    /** What a 服务干部 may reach: visits, charges and the problem tickets they are part of. */
    static final String[] CADRE_PAGES = {"/service", "/service/**", "/tickets", "/tickets/**"};
    static final String[] CADRE_API = {"/api/service/**", "/api/tickets/**"};

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /** BCrypt today; the {id} prefix of each stored hash lets a stronger algorithm take over on the next login. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(encoder);
        provider.setUserDetailsService(users);
        provider.setPreAuthenticationChecks(AccountChecks.beforePassword());
        provider.setPostAuthenticationChecks(AccountChecks.afterPassword());
        return provider;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ClientThrottle throttle, AuditTrail audit,
                            ApplicationEventPublisher events) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers(CADRE_API).hasAnyRole(BUSINESS_ROLES)
                        .anyRequest().hasAnyRole(OFFICE_ROLES))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        json(response, HttpServletResponse.SC_UNAUTHORIZED, apiLoginMessage(e))))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    events.publishEvent(AccessRefused.of(request, HttpServletResponse.SC_FORBIDDEN, API_DENIED));
                    json(response, HttpServletResponse.SC_FORBIDDEN, API_DENIED);
                }))
                .addFilterBefore(new ClientThrottleFilter(throttle, audit, true), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ClientThrottle throttle, AuditTrail audit,
                              ApplicationEventPublisher events) throws Exception {
        AccessDeniedHandlerImpl errorPage = new AccessDeniedHandlerImpl();
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/error").permitAll()
                        .requestMatchers("/admin/accounts/**").hasRole(Role.SYS_ADMIN.name())
                        .requestMatchers("/admin/grants/**").hasRole(Role.SEC_ADMIN.name())
                        .requestMatchers("/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers(OfficerResetController.PAGE, OfficerResetController.PAGE + "/**")
                        .hasAnyRole(Role.SYS_ADMIN.name(), Role.SEC_ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers("/", "/account/**").authenticated()
                        .requestMatchers(CADRE_PAGES).hasAnyRole(BUSINESS_ROLES)
                        .anyRequest().hasAnyRole(OFFICE_ROLES))
                .formLogin(form -> form.loginPage("/login").successHandler(loginSuccess())
                        .failureHandler(loginFailures()).permitAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(loginPage())
                        .accessDeniedHandler((request, response, e) -> {
                            events.publishEvent(AccessRefused.of(request, HttpServletResponse.SC_FORBIDDEN,
                                    "当前角色无权访问该页面"));
                            errorPage.handle(request, response, e);
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new ClientThrottleFilter(throttle, audit, false),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Redirects carry only the path: Spring Security builds the login page's and the saved request's URLs
     * from the Host header, which a client may forge (issue 12). Tomcat keeps them relative
     * ({@code server.tomcat.use-relative-redirects}).
     */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private static SavedRequestAwareAuthenticationSuccessHandler loginSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }

    /**
     * A locked account gets the answer of a wrong password (issue 12: "账户已锁定" appeared only for accounts
     * that exist); the login page's error message tells that repeated failures lock an account.
     */
    private static ExceptionMappingAuthenticationFailureHandler loginFailures() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(AccountChecks.AwaitingGrantException.class.getName(), "/login?pending");
        targets.put(DisabledException.class.getName(), "/login?disabled");
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(targets);
        handler.setDefaultFailureUrl("/login?error");
        return handler;
    }

    private static final String API_DENIED = "当前角色无权访问该接口";

    private static String apiLoginMessage(AuthenticationException e) {
        if (e instanceof AccountChecks.AwaitingGrantException) {
            return "账号尚未授权";
        }
        if (e instanceof DisabledException) {
            return "账户已停用";
        }
        return "未登录或用户名密码错误";
    }

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\"}");
    }
}
