package org.sunbid.platform.parties.security;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.kernel.SunbidProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Two filter chains: the API ({@code /api/**}: stateless, bearer tokens, problem+json for 401/403,
 * no cookies and so no CSRF) and the web UI (session login form, CSRF on). URL rules here grant by role; services then
 * check the region scope of each record, so both layers must agree before anything is shown or changed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = {"ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR"};

    /** Argon2id for new hashes; bcrypt hashes still verify, so the default can change without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var encoders = new java.util.HashMap<String, PasswordEncoder>();
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder, Clock clock,
            SunbidProperties properties, SecurityEvents events) {
        SunbidProperties.Security s = properties.security();
        LoginThrottle throttle = new LoginThrottle(clock, s.sourceFreeFailures(), s.sourceBlock(), s.accountFreeFailures(),
                s.accountDelay(), s.maxWait(), s.failureWindow());
        return new ProviderManager(new ThrottlingAuthenticationProvider(accounts, encoder, throttle, events));
    }

    /**
     * No Micrometer observation around the security filters, the authentications or the authorizations, and so no
     * wrapping at all: with observations of {@code spring.security} disabled by name only (application.yml), Spring
     * Security still wrapped each of the API chain's ~12 filters in an observation decorator (a virtual chain, a
     * no-op observation opened and closed per filter and per authorization) on every request, because the registry
     * itself is not a no-op. With these settings the chains hold the same filters, called directly. Nothing exports or
     * traces these observations; the per-request {@code http.server.requests} observation stays. Issue 21.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses (e.g. an encoded slash) answer as every other bad request does. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems, JsonMapper json, LocaleResolver locales) {
        return ProblemResponses.rejected(problems, json, locales);
    }

    /** The multipart gate of both chains, with each upload route's own limit. */
    private static MultipartGate multipartGate(org.springframework.core.env.Environment env, Problems problems, JsonMapper json,
            LocaleResolver locales) {
        long documents = env.getProperty("sunbid.tendering.max-document-size", Long.class, 1L << 30);
        long envelopes = env.getProperty("sunbid.sealing.max-envelope-size", Long.class, 1L << 30);
        long otherwise = env.getProperty("spring.servlet.multipart.max-request-size", org.springframework.util.unit.DataSize.class,
                org.springframework.util.unit.DataSize.ofGigabytes(1)).toBytes();
        long form = 64 * 1024; // the form fields around the file
        return new MultipartGate(java.util.List.of(
                new MultipartGate.Limit("/workbench/tenders/*/documents", documents + form, java.util.List.of("TENDEREE", "AGENCY")),
                new MultipartGate.Limit("/workbench/tenders/*/bids", envelopes + form, java.util.List.of("BIDDER"))),
                otherwise, problems, json, locales);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccountDetailsService accounts, Problems problems,
            JsonMapper json, LocaleResolver locales, org.springframework.core.env.Environment env) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no cookies are read on /api/**: a bearer token cannot be sent by another site
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, accounts), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(multipartGate(env, problems, json, locales), BearerTokenFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated(problems, json, locales))
                        .accessDeniedHandler(ProblemResponses.forbidden(problems, json, locales)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/regions/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/procedures", "/api/v1/procedures/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/projects").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.GET, "/api/v1/ca/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/portal/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/projects", "/api/v1/public/projects/*").permitAll()
                        // issue 18 part T: the statistics are open data (only what the portal shows)
                        .requestMatchers(HttpMethod.GET, "/api/v1/statistics", "/api/v1/statistics.csv").permitAll()
                        // issue 18 (O): OCDS releases and records are open data
                        .requestMatchers(HttpMethod.GET, "/api/v1/ocds/releases", "/api/v1/ocds/releases/*",
                                "/api/v1/ocds/records", "/api/v1/ocds/records/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/search").permitAll() // issue 18 part S: full-text search
                        // issue 20 part I: the intermediary market's register, results and draw records are public
                        .requestMatchers(HttpMethod.GET, "/api/v1/intermediaries/registrations").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/intermediaries", "/api/v1/intermediaries/*",
                                "/api/v1/intermediary-draws/*/record").permitAll()
                        // issue 16 (A): method approvals and single-source publicities are public; the service checks who acts
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/lots/*/method-approvals",
                                "/api/v1/public/single-source-publicities").permitAll()
                        // issue 22: framework agreements' notices are public; the services check who acts
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/framework-agreements",
                                "/api/v1/public/framework-agreements/**").permitAll()
                        // the collecting body (an agency or a tenderee) runs the agreement; suppliers respond, join and offer;
                        // buyers (tenderees) order. The services then check that it is this agreement's or order's party.
                        .requestMatchers(HttpMethod.POST, "/api/v1/framework-agreements", "/api/v1/framework-agreements/*/shortlist",
                                "/api/v1/framework-agreements/*/joins/*/review", "/api/v1/framework-agreements/*/order-summaries")
                        .hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.GET, "/api/v1/framework-agreements/*/joins", "/api/v1/framework-agreements/*/orders")
                        .hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.POST, "/api/v1/framework-agreements/*/responses", "/api/v1/framework-agreements/*/joins",
                                "/api/v1/framework-orders/*/offers").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/framework-agreements/*/orders", "/api/v1/framework-orders/*/close",
                                "/api/v1/framework-orders/*/publication").hasRole("TENDEREE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/framework-orders/mine").hasRole("TENDEREE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/framework-orders/invitations").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/lots/*/method-approvals/*/objections").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/lots/*/method-approvals/*/decision").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/lots/*/method-approvals",
                                "/api/v1/lots/*/method-approvals/*/objections/*/review").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.GET, "/api/v1/log/**").permitAll()
                        // issue 17 part L: an auction lot's terms (owner/agency, draft) and its public view
                        .requestMatchers(HttpMethod.PUT, "/api/v1/auctions/*/terms").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.GET, "/api/v1/auctions/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders", "/api/v1/tenders/*", "/api/v1/tenders/*/documents",
                                "/api/v1/tenders/*/opening-key").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/objections", "/api/v1/tenders/*/registrations")
                        .hasRole("BIDDER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/registrations/mine").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/registrations")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR", "TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/registrations/break-glass").hasRole("SUPERVISOR")
                        // Banks are not users: their notifications are authenticated by the bank's SM2 signature.
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/banks/*/notifications").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/payments/guarantee-issuers").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/guarantee-issuers").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/deposit").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/deposit/guarantee").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/deposits")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR", "TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.POST, "/api/v1/sandbox/**").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/bids", "/api/v1/tenders/*/bids/sealed-on-arrival")
                        .hasRole("BIDDER")
                        .requestMatchers("/api/v1/tenders/*/bids/mine", "/api/v1/tenders/*/bids/mine/withdrawal").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/opening").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/regions/*/opening-key-threshold").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/opening/shares")
                        .hasAnyRole("CENTRE_STAFF", "SUPERVISOR", "TENDEREE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/opening/responses").hasRole("BIDDER")
                        // Sealed final offers (issue 16 part B): a round and, once opened, its record are public; the
                        // round's suppliers offer; its custodians release their shares (the service checks which).
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/offer-rounds", "/api/v1/tenders/*/offer-rounds/*")
                        .permitAll()
                        .requestMatchers("/api/v1/tenders/*/offer-rounds/*/offers", "/api/v1/tenders/*/offer-rounds/*/offers/mine")
                        .hasRole("BIDDER")
                        // (an agency too: the collecting body of a framework agreement keeps a share of its response round)
                        .requestMatchers("/api/v1/tenders/*/offer-rounds/*/key/my-share", "/api/v1/tenders/*/offer-rounds/*/shares")
                        .hasAnyRole("CENTRE_STAFF", "SUPERVISOR", "TENDEREE", "AGENCY")
                        // issue 17 part D: the sealed reserve (owner/agency sets it; custodians' shares, the service
                        // checks which and refuses before bidding ended; public once opened) and the bidder numbers
                        .requestMatchers(HttpMethod.GET, "/api/v1/auctions/*/reserve", "/api/v1/auctions/*/reserve/envelope",
                                "/api/v1/auctions/*/bidders").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/auctions/*/reserve").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers("/api/v1/auctions/*/reserve/key/my-share", "/api/v1/auctions/*/reserve/shares")
                        .hasAnyRole("CENTRE_STAFF", "SUPERVISOR", "TENDEREE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/auctions/*/bidder").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/experts/specialties", "/api/v1/expert-draws/*/record",
                                "/api/v1/regions/*/expert-policy").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/experts/notifier/replies").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/regions/*/expert-policy").hasRole("ADMINISTRATOR")
                        .requestMatchers("/api/v1/experts/me", "/api/v1/experts/me/**", "/api/v1/experts/applications")
                        .hasRole("EXPERT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/experts", "/api/v1/experts/*").hasAnyRole("ADMINISTRATOR",
                                "CENTRE_STAFF", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/experts/*/review").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF")
                        .requestMatchers(HttpMethod.POST, "/api/v1/experts/*/status").hasAnyRole("ADMINISTRATOR",
                                "CENTRE_STAFF", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/expert-draws").hasAnyRole("TENDEREE", "AGENCY",
                                "CENTRE_STAFF")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/expert-draws", "/api/v1/expert-draws",
                                "/api/v1/expert-draws/*").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR", "TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.POST, "/api/v1/expert-draws/*/commitment").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/expert-draws/*/secret").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/expert-draws/*/publication").hasAnyRole("ADMINISTRATOR",
                                "CENTRE_STAFF", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/expert-draws/*/ratings").hasAnyRole("CENTRE_STAFF",
                                "TENDEREE", "AGENCY")
                        // Evaluation and award: who may act is decided step by step (members, leader, owners, staff).
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/evaluation-plan", "/api/v1/tenders/*/award",
                                "/api/v1/tenders/*/evaluation/report", "/api/v1/tenders/*/evaluation/report/signatures").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/evaluation", "/api/v1/tenders/*/evaluation/**")
                        .hasAnyRole("EXPERT", "CENTRE_STAFF", "ADMINISTRATOR", "TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/award-objections").hasRole("BIDDER")
                        // 87号令 Art. 60: the supplier's written explanation of an abnormally low price.
                        .requestMatchers("/api/v1/tenders/*/price-explanations", "/api/v1/tenders/*/price-explanations/mine")
                        .hasRole("BIDDER")
                        // Issue 16 part D: negotiation rounds — the service decides who acts (seated panel, the lot's
                        // suppliers, observers); before the owners-only POST /api/v1/tenders/** below.
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/negotiation", "/api/v1/tenders/*/negotiation/**")
                        .hasAnyRole("EXPERT", "BIDDER")
                        // Filing of tender documents (备案): the supervision department decides, the service checks which
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders/*/filings/*/decision").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/filings").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/filing-rules").hasRole("ADMINISTRATOR")
                        // issue 16 part C: invitations and their draw (the record public once bidding has closed, the
                        // service refuses it before; the invitation list for its owners only, checked by the service)
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/invitations/draw").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenders/*/invitations").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.GET, "/api/v1/invitations/mine").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenders", "/api/v1/tenders/**").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.POST, "/api/v1/log/heads").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/security-events").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/organisations").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/organisations").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF")
                        .requestMatchers(HttpMethod.GET, "/api/v1/organisations/*", "/api/v1/organisations/*/certificates")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR", "TENDEREE", "AGENCY", "BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/organisations/*/certificates")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "TENDEREE", "AGENCY", "BIDDER")
                        // Reg. 26: an organisation's own staff register its basic account (the service checks whose).
                        .requestMatchers(HttpMethod.GET, "/api/v1/organisations/*/basic-account")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR", "TENDEREE", "AGENCY", "BIDDER")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/organisations/*/basic-account")
                        .hasAnyRole("CENTRE_STAFF", "SUPERVISOR", "TENDEREE", "AGENCY", "BIDDER")
                        // Supervision (issue 15): the catalogue and what is published are public; owners apply and
                        // report; the region's supervisor decides (the services check the region).
                        .requestMatchers(HttpMethod.GET, "/api/v1/supervision/catalogue/*", "/api/v1/supervision/must-trade",
                                "/api/v1/supervision/public/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/catalogue/**").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF")
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/exemptions/*/approval",
                                "/api/v1/supervision/exemptions/*/return").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/exemptions", "/api/v1/supervision/off-platform-deals",
                                "/api/v1/supervision/off-platform-deals/*/report").hasRole("TENDEREE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/supervision/exemptions", "/api/v1/supervision/exemptions/*",
                                "/api/v1/supervision/off-platform-deals", "/api/v1/supervision/off-platform-deals/*")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR", "TENDEREE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/supervision/flags").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR")
                        // issue 19 D: the Art. 40 check of a lot, for staff, supervisors and the committee (the service
                        // checks the region and the membership)
                        .requestMatchers("/api/v1/supervision/evidence/*")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR", "EXPERT")
                        // issue 17 part F: an auction's result and its 成交确认书 are public; signing and the payment
                        // schedule need a signed-in user (the service checks the winner / owner side / region's staff).
                        .requestMatchers(HttpMethod.GET, "/api/v1/auctions/*/result", "/api/v1/auctions/*/confirmation",
                                "/api/v1/auctions/*/confirmation/statement").permitAll()
                        // Complaints (issue 16): decisions and answered challenges are public; the services check
                        // everyone else (the supplier, the purchaser or agency, the department).
                        .requestMatchers(HttpMethod.GET, "/api/v1/complaint-decisions", "/api/v1/lots/*/complaint-decisions",
                                "/api/v1/lots/*/challenges", "/api/v1/challenges/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/lots/*/inquiries", "/api/v1/lots/*/challenges",
                                "/api/v1/lots/*/challenges/statement", "/api/v1/lots/*/complaints", "/api/v1/complaints/*/completion")
                        .hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints/*/intake", "/api/v1/complaints/*/copies",
                                "/api/v1/complaints/*/suspension", "/api/v1/complaints/*/suspension/lift",
                                "/api/v1/complaints/*/pauses", "/api/v1/complaints/*/pauses/end", "/api/v1/complaints/*/decision")
                        .hasRole("SUPERVISOR")
                        // Live auctions (issue 17, part C): the room and its live stream are public (bidder numbers
                        // only); bids from bidder accounts (the service checks qualification); the increment by the
                        // lot's owner or agency (the service checks ownership and INCREMENT_CHANGE).
                        .requestMatchers(HttpMethod.GET, "/api/v1/auctions/*/room", "/api/v1/auctions/*/live").permitAll()
                        // the bid socket's upgrade: public (room states); bids on it only from a bidder signed in on
                        // the upgrade request (the socket checks the role and the service the qualification)
                        .requestMatchers(HttpMethod.GET, "/api/v1/auctions/*/socket").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auctions/*/bids").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/auctions/*/increment").hasAnyRole("TENDEREE", "AGENCY")
                        // issue 18 part F: subscriptions are per account, any signed-in role (the service keeps each
                        // account to its own)
                        .requestMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/*").authenticated()
                        // issue 20 K: published credit records and the dated publication rules are public; repairs,
                        // objections and profiles need a signed-in user (the credit services check who may act)
                        .requestMatchers(HttpMethod.GET, "/api/v1/credit/records", "/api/v1/credit/rules").permitAll()
                        // issue 20 S: the external credit lists are public, their imports and entries for staff and
                        // supervisors, a version uploaded by staff (the API checks the role again)
                        .requestMatchers(HttpMethod.GET, "/api/v1/credit/lists").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/credit/lists/*/imports", "/api/v1/credit/lists/*/entries")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/credit/lists/*/imports").hasRole("ADMINISTRATOR") // issue 20 fix K
                        // issue 20 part V: venues. A reader posts sign-ins with its device token (checked by the
                        // service, not a user's); rooms, readers and recordings by the centre's staff; bookings by
                        // the lot's owner or agency (the service checks the lot)
                        .requestMatchers(HttpMethod.POST, "/api/v1/venues/devices/*/sign-ins").permitAll()
                        // issue 22: the e-mall — categories, rules, approved listings and sales are public
                        .requestMatchers(HttpMethod.GET, "/api/v1/mall/categories", "/api/v1/mall/rules", "/api/v1/mall/listings",
                                "/api/v1/mall/statistics", "/api/v1/mall/reverse-auctions", "/api/v1/mall/reverse-auctions/*",
                                "/api/v1/mall/reverse-auctions/*/bids", "/api/v1/mall/group-purchases", "/api/v1/mall/group-purchases/*",
                                "/api/v1/mall/group-purchases/*/quotes").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/mall/listings/mine").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/mall/listings/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/mall/categories", "/api/v1/mall/rules", "/api/v1/mall/listings/*/review")
                        .hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF")
                        .requestMatchers(HttpMethod.POST, "/api/v1/mall/listings", "/api/v1/mall/listings/*/price",
                                "/api/v1/mall/listings/*/withdrawal", "/api/v1/mall/reverse-auctions/*/bids",
                                "/api/v1/mall/group-purchases/*/quotes").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/mall/orders", "/api/v1/mall/comparisons", "/api/v1/mall/orders/*/acceptance",
                                "/api/v1/mall/orders/*/payment", "/api/v1/mall/reverse-auctions", "/api/v1/mall/group-purchases/*/members")
                        .hasRole("TENDEREE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/mall/group-purchases").hasAnyRole("TENDEREE", "CENTRE_STAFF", "ADMINISTRATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/venues/rooms", "/api/v1/venues/rooms/*/devices",
                                "/api/v1/lots/*/venue-recordings").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/venues/rooms/*").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF")
                        .requestMatchers(HttpMethod.POST, "/api/v1/lots/*/venue-bookings").hasAnyRole("TENDEREE", "AGENCY")
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SourceAddresses sources, AuthenticationManager passwords, Problems problems,
            JsonMapper json, LocaleResolver locales, org.springframework.core.env.Environment env) throws Exception {
        // before the CSRF filter, whose parameter lookup would make Tomcat parse (and spool) a multipart body
        http.addFilterBefore(multipartGate(env, problems, json, locales), org.springframework.security.web.csrf.CsrfFilter.class);
        // The form login uses the throttled provider too (not one Spring would build from the UserDetailsService).
        http.authenticationManager(passwords).authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/guide", "/downloads", "/downloads/*", "/log", "/tenders/*", "/tenders/*/invitation-draw", "/projects", "/projects/*", "/single-source-publicities", "/framework-agreements", "/framework-agreements/*", "/draws/*", "/open-data", "/open-data/api", "/login", "/error", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/demo-ca.pem", "/v3/api-docs", "/v3/api-docs/**", "/actuator/health").permitAll()
                        .requestMatchers(HttpMethod.GET, "/complaint-decisions").permitAll() // issue 16: complaint decisions
                        .requestMatchers(HttpMethod.GET, "/feeds/notices.atom", "/feeds/notices.rss").permitAll() // issue 18: feeds
                        // issue 18 part T: the statistics page and the chart library it loads from the WebJar
                        .requestMatchers(HttpMethod.GET, "/statistics", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/search").permitAll() // issue 18 part S: full-text search
                        .requestMatchers(HttpMethod.GET, "/credit").permitAll() // issue 20 K: 信用信息公示
                        .requestMatchers(HttpMethod.GET, "/mall", "/mall/listings/*", "/mall/statistics").permitAll() // issue 22: 电子卖场
                        .requestMatchers(HttpMethod.GET, "/intermediaries", "/intermediaries/*").permitAll() // issue 20 I: 中介超市
                        // issue 17 part P: the auction room is public (bidder numbers only; a bidder's own part needs sign-in)
                        .requestMatchers(HttpMethod.GET, "/auctions/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/open-data/ocds/*").permitAll() // issue 18 (O): OCDS bulk files
                        .requestMatchers(HttpMethod.POST, "/workbench/auctions/*/bids").hasRole("BIDDER")
                        .requestMatchers("/workbench/auctions/*/terms", "/workbench/auctions/*/reserve",
                                "/workbench/auctions/*/increment").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.GET, "/supervision/exemptions", "/supervision/exemptions/*",
                                "/supervision/reports", "/supervision/catalogue").permitAll()
                        .requestMatchers("/workbench/supervision/exemptions/*/decision").hasRole("SUPERVISOR")
                        .requestMatchers("/workbench/supervision/flags").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR")
                        .requestMatchers("/workbench/supervision", "/workbench/supervision/**").hasAnyRole("ADMINISTRATOR",
                                "CENTRE_STAFF", "SUPERVISOR", "TENDEREE")
                        .requestMatchers("/workbench/organisations", "/workbench/organisations/**").hasAnyRole(STAFF)
                        .requestMatchers("/workbench/experts", "/workbench/experts/**", "/workbench/expert-draws").hasAnyRole(STAFF)
                        .requestMatchers("/workbench/expert-draws/**").hasAnyRole("ADMINISTRATOR", "CENTRE_STAFF", "SUPERVISOR",
                                "TENDEREE", "AGENCY")
                        .requestMatchers("/workbench/expert", "/workbench/expert/**").hasRole("EXPERT")
                        .requestMatchers("/workbench/filings", "/workbench/filings/**").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/workbench/tenders/*/expert-draws").hasAnyRole("TENDEREE", "AGENCY",
                                "CENTRE_STAFF")
                        // Only the roles that may upload reach the multipart parser: MultipartGate, in front of the CSRF
                        // filter, repeats these two rules for multipart bodies (the CSRF token is in the query string).
                        .requestMatchers(HttpMethod.POST, "/workbench/tenders/*/documents").hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers(HttpMethod.POST, "/workbench/tenders/*/bids", "/workbench/tenders/*/bids/sealed-on-arrival")
                        .hasRole("BIDDER")
                        // issue 16 part C: 我的邀请 for suppliers; a lot's invitations for its owners (checked by the service)
                        .requestMatchers("/workbench/invitations").hasRole("BIDDER")
                        .requestMatchers(HttpMethod.POST, "/workbench/framework-orders/*/offer").hasRole("BIDDER")
                        .requestMatchers("/workbench/tenders/*/invitations", "/workbench/tenders/*/invitations/**")
                        .hasAnyRole("TENDEREE", "AGENCY")
                        .requestMatchers("/workbench", "/workbench/**").authenticated()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(new ReturnTo())
                        .authenticationDetailsSource(sources::detailsOf)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof ThrottlingAuthenticationProvider.LoginThrottledException
                                        ? "/login?throttled" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
