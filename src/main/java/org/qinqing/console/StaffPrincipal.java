package org.qinqing.console;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of a staff account; the password hash is erased after sign-in. Never
 * locked as a whole: lock-outs belong to an account and a client address ({@code console.signin}).
 */
final class StaffPrincipal implements UserDetails, CredentialsContainer {

	private final StaffUser user;

	private String passwordHash;

	StaffPrincipal(StaffUser user, String passwordHash) {
		this.user = user;
		this.passwordHash = passwordHash;
	}

	StaffUser user() {
		return this.user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.user.role().name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.username();
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
