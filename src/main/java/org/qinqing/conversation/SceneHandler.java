package org.qinqing.conversation;

import java.util.function.BiFunction;

/**
 * Handles a parametric QR code's scene ({@code <prefix>:<argument>}) when a user scans it: a
 * subscribe event for a new follower, a SCAN event for one who already follows.
 */
public record SceneHandler(String prefix, BiFunction<String, FlowContext, Command.Outcome> run) {
}
