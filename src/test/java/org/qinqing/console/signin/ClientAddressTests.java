package org.qinqing.console.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How client addresses are shown: the last IPv4 byte or all but the first three IPv6 groups hidden. */
class ClientAddressTests {

	private static String masked(String remote) {
		return ClientAddress.mask(ClientAddress.parse(remote));
	}

	@Test
	void ipv4KeepsItsFirstThreeBytes() {
		assertThat(masked("203.0.113.7")).isEqualTo("203.0.113.x");
		assertThat(masked(" 127.45.6.8 ")).isEqualTo("127.45.6.x");
	}

	@Test
	void ipv6KeepsItsFirstThreeGroupsAndMappedIpv4ReadsAsIpv4() {
		assertThat(masked("2001:db8:85a3::8a2e:370:7334")).isEqualTo("2001:db8:85a3:x");
		assertThat(masked("[2001:db8:85a3::1]")).isEqualTo("2001:db8:85a3:x");
		assertThat(masked("fe80::1%eth0")).isEqualTo("fe80:0:0:x");
		assertThat(masked("::ffff:198.51.100.20")).isEqualTo("198.51.100.x");
		assertThat(ClientAddress.parse("::1")).isEqualTo(ClientAddress.parse("0:0:0:0:0:0:0:1"));
	}

	@Test
	void anythingButAnAddressIsNeitherResolvedNorShown() {
		assertThat(ClientAddress.parse("localhost")).isNull();
		assertThat(ClientAddress.parse("example.org")).isNull();
		assertThat(ClientAddress.parse(null)).isNull();
		assertThat(masked("999.1.1.1")).isEqualTo("?");
		assertThat(masked("not an address")).isEqualTo("?");
	}

}
