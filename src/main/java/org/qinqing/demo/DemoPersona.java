package org.qinqing.demo;

import org.qinqing.people.Role;

/** Someone the simulator can chat as: a demo openid bound (or not, for the visitor) to a demo person. */
public record DemoPersona(String openid, Role role, String personId, String name, String children) {
}
