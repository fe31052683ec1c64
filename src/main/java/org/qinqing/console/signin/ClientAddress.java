package org.qinqing.console.signin;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A sign-in's client address as the app keeps it: a keyed hash (the full address is never stored or
 * logged) and a masked form for people, e.g. {@code 203.0.113.x} (IPv4 /24) or {@code 2001:db8:85a3:x}
 * (IPv6 /48).
 *
 * @param hash the keyed hash, the address's identity in Redis keys
 * @param masked what the console and the logs show
 */
record ClientAddress(String hash, String masked) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	/** A short piece of the hash, to tell two addresses with the same mask apart on the page. */
	String tag() {
		return this.hash.substring(0, 4);
	}

	/**
	 * The address in one canonical form (IPv4-mapped IPv6 as IPv4, IPv6 uncompressed, no zone), or
	 * {@code null} when it is not an IP literal. Never resolves a name.
	 */
	static InetAddress parse(String remote) {
		if (remote == null) {
			return null;
		}
		String literal = remote.strip();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		int zone = literal.indexOf('%');
		if (zone >= 0) {
			literal = literal.substring(0, zone);
		}
		// only literals reach InetAddress, which then parses them without a DNS lookup
		boolean ipv4 = IPV4.matcher(literal).matches();
		if (ipv4 && !Arrays.stream(literal.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255)) {
			return null;
		}
		if (!ipv4 && !(literal.contains(":") && IPV6.matcher(literal).matches())) {
			return null;
		}
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	static String mask(InetAddress address) {
		if (address == null) {
			return "?";
		}
		String[] parts = address.getHostAddress().split(address instanceof Inet4Address ? "\\." : ":");
		return address instanceof Inet4Address ? parts[0] + "." + parts[1] + "." + parts[2] + ".x"
				: parts[0] + ":" + parts[1] + ":" + parts[2] + ":x";
	}

}
