package org.qinqing.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open what. The portal is outside Spring Security on purpose: WeChat authenticates it with
 * its signature, and the webhook's hot path should not pay for a filter chain. The simulator (demo
 * only) and its JSON calls are open, as a demo page must be, and so are the signed links the bot hands out
 * (binding QR images, an asker's thread page), which check their own signature. Sign-in checks passwords through the one
 * {@code AuthenticationProvider} bean, {@code console.signin.GuardedAuthentication} (lock-outs per
 * account and client address, slow-down per account); every failure lands on {@code ?error}, and the
 * sign-in page tells which it was from the exception Spring Security keeps in the session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN = "/console/login";

	@Bean
	WebSecurityCustomizer portalOutsideSecurity() {
		return web -> web.ignoring().requestMatchers("/wx/portal/**");
	}

	@Bean
	SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", LOGIN, "/simulator", "/simulator/**", "/actuator/health", "/actuator/health/**",
					"/binding/*/qr/**", "/threads/**", "/lessons/**", "/incidents/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
			.permitAll()
			.requestMatchers("/console/admin/**", "/console/calls/settings", "/console/calls/settings/**", "/api/faq/**")
			.hasRole(StaffRole.ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/console", true).failureUrl(LOGIN + "?error"))
			.logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
			// an asker's thread page (inbox.ThreadPageController) and a lesson's page (parenting.LessonPageController)
			// are opened without a sign-in: their forms post back the link's signature, which is what a forged form
			// could not have, so a CSRF token (and a session) adds nothing
			.csrf(csrf -> csrf.ignoringRequestMatchers("/simulator/api/**", "/threads/**", "/lessons/**"))
			.headers(headers -> headers
				// no 'unsafe-inline': every script and style is a file under static/, so injected markup cannot run
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; object-src 'none'; "
						+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
