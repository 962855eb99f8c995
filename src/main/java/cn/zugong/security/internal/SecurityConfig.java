package cn.zugong.security.internal;

import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import cn.zugong.shared.web.AccessRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
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
 * Two chains: /api/** is stateless, HTTP Basic or an API token (a signed JWT from {@code POST /api/tokens},
 * ADR 048; no cookies, so no CSRF exposure); pages use form login with
 * a session and CSRF tokens. Routes are default-deny for the three security officers (三员): each reaches
 * only its own pages, every other route needs a business role. Data scope is enforced in every query.
 */
@Configuration
@EnableConfigurationProperties({SecuritySettings.class, ApiTokenSettings.class})
class SecurityConfig {

    /** Everything except the service cadres' own pages is the office's: cadres are default-denied there. */
    private static final String[] OFFICE_ROLES = Role.office().stream().map(Role::name).toArray(String[]::new);
    /** What a 服务干部 may reach: visits, charges and the problem tickets they are part of. */
    static final String[] CADRE_PAGES = {"/service", "/service/**", "/tickets", "/tickets/**"};
    static final String[] CADRE_API = {"/api/service/**", "/api/tickets/**"};
    /** The office and the service cadres: who may reach the cadres' pages (never the talent side). */
    private static final String[] OFFICE_AND_CADRE_ROLES = Stream.concat(Role.office().stream(), Stream.of(Role.CADRE))
            .map(Role::name).toArray(String[]::new);
    /** The talent's own pages (人才码, 码上办) and the 举荐委员's nominations; the office never uses these routes. */
    static final String[] TALENT_PAGES = {"/talent/my", "/talent/my/**"};
    static final String[] TALENT_API = {"/api/talent/my/**"};
    static final String[] REFEREE_PAGES = {"/talent/referee", "/talent/referee/**"};
    static final String[] REFEREE_API = {"/api/talent/referee/**"};
    /** The public verify page of the 人才码: the only talent route without sign-in (rate-limited by its controller). */
    static final String[] TALENT_VERIFY = {"/talent/verify", "/talent/verify/**", "/api/talent/verify", "/api/talent/verify/**"};
    /**
     * 双述双评双比: the phone voting page of a rater (a party member or 村民代表, not an account), reached with a
     * one-time code (rate-limited by its controller, ADR 062).
     */
    static final String[] RATING_VOTE = {"/ratings/vote", "/ratings/vote/**", "/api/ratings/vote", "/api/ratings/vote/**"};
    /** 党员报到: a party member's own pages (报到, 认领岗位, 服务记录); the office never uses these routes (ADR 068). */
    static final String[] PARTY_MEMBER_PAGES = {"/party/my", "/party/my/**"};
    static final String[] PARTY_MEMBER_API = {"/api/party/my", "/api/party/my/**"};
    /** 干部工作: the office and the 干部监督 staff, who reach nothing else (ADR 074). */
    static final String[] CADRE_WORK_PAGES = {"/cadres", "/cadres/**"};
    static final String[] CADRE_WORK_API = {"/api/cadres", "/api/cadres/**"};
    private static final String[] OFFICE_AND_SUPERVISOR_ROLES = Stream.concat(Role.office().stream(),
            Stream.of(Role.CADRE_SUPERVISOR)).map(Role::name).toArray(String[]::new);

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
    ApiTokenKeys apiTokenKeys(ApiTokenSettings settings) {
        return ApiTokenKeys.resolve(settings);
    }

    /**
     * The API chain's token check: signature, issuer and expiry on the platform's clock (no skew: the issuer is
     * this application), then {@link ApiTokens#principal} (revocation, account state). Its own provider manager
     * publishes no events, so a call with a token is neither a login to audit nor a success that clears a lock.
     */
    private static AuthenticationManager tokenAuthentication(ApiTokenKeys keys, ApiTokens tokens, Clock clock) {
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        NimbusJwtDecoder decoder = keys.decoder();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ApiTokens.ISSUER),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.JTI, Objects::nonNull)));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(jwt -> new ApiTokenAuthentication(tokens.principal(jwt), jwt));
        return new ProviderManager(provider);
    }

    /** For the token request's form fields: the password check of HTTP Basic, with its events (lock-out, audit). */
    private static AuthenticationManager passwordAuthentication(DaoAuthenticationProvider provider,
                                                                AuthenticationEventPublisher publisher) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ClientThrottle throttle, AuditTrail audit,
                            ApplicationEventPublisher events, ApiTokenKeys keys, ApiTokens tokens, Clock clock,
                            DaoAuthenticationProvider passwords, AuthenticationEventPublisher publisher)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(TokenFormLogin.PATH, TokenFormLogin.PATH + "/**").authenticated()
                        .requestMatchers("/api/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers(TALENT_VERIFY).permitAll()
                        .requestMatchers(RATING_VOTE).permitAll()
                        .requestMatchers(TALENT_API).hasRole(Role.TALENT.name())
                        .requestMatchers(REFEREE_API).hasRole(Role.TALENT_REFEREE.name())
                        .requestMatchers(PARTY_MEMBER_API).hasRole(Role.PARTY_MEMBER.name())
                        .requestMatchers(CADRE_WORK_API).hasAnyRole(OFFICE_AND_SUPERVISOR_ROLES)
                        .requestMatchers(CADRE_API).hasAnyRole(OFFICE_AND_CADRE_ROLES)
                        .anyRequest().hasAnyRole(OFFICE_ROLES))
                .httpBasic(basic -> basic.authenticationEntryPoint(API_LOGIN))
                .oauth2ResourceServer(token -> token
                        .authenticationEntryPoint(new TokenFailures(throttle, audit))
                        .jwt(jwt -> jwt.authenticationManager(tokenAuthentication(keys, tokens, clock))))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(API_LOGIN).accessDeniedHandler((request, response, e) -> {
                    events.publishEvent(AccessRefused.of(request, HttpServletResponse.SC_FORBIDDEN, API_DENIED));
                    json(response, HttpServletResponse.SC_FORBIDDEN, API_DENIED);
                }))
                .addFilterBefore(new ClientThrottleFilter(throttle, audit, true), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new TokenFormLogin(passwordAuthentication(passwords, publisher)),
                        BearerTokenAuthenticationFilter.class)
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
                        .requestMatchers(TALENT_VERIFY).permitAll()
                        .requestMatchers(RATING_VOTE).permitAll()
                        .requestMatchers("/", "/account/**").authenticated()
                        .requestMatchers(TALENT_PAGES).hasRole(Role.TALENT.name())
                        .requestMatchers(REFEREE_PAGES).hasRole(Role.TALENT_REFEREE.name())
                        .requestMatchers(PARTY_MEMBER_PAGES).hasRole(Role.PARTY_MEMBER.name())
                        .requestMatchers(CADRE_WORK_PAGES).hasAnyRole(OFFICE_AND_SUPERVISOR_ROLES)
                        .requestMatchers(CADRE_PAGES).hasAnyRole(OFFICE_AND_CADRE_ROLES)
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

    /** Signed out or a wrong password on the API: 401 with the reason in Chinese. */
    private static final AuthenticationEntryPoint API_LOGIN = (request, response, e) ->
            json(response, HttpServletResponse.SC_UNAUTHORIZED, apiLoginMessage(e));

    static String apiLoginMessage(AuthenticationException e) {
        if (e instanceof AccountChecks.AwaitingGrantException) {
            return "账号尚未授权";
        }
        if (e instanceof DisabledException) {
            return "账户已停用";
        }
        return "未登录或用户名密码错误";
    }

    static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\"}");
    }
}
