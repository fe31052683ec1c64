package org.qinqing.notify;

/** What became of one send: WeChat's error code is kept so callers can decide what to do next. */
public record Delivery(Status status, int errorCode, String detail) {

	public enum Status {

		/** WeChat (or the simulator) accepted it. */
		SENT,
		/** It will never go through as it is (not following, out of window, bad template...). */
		REJECTED,
		/** A passing fault (system busy, timeout, rate limit): worth trying again later. */
		RETRY_LATER

	}

	public static Delivery sent() {
		return new Delivery(Status.SENT, 0, "ok");
	}

	public static Delivery rejected(int errorCode, String detail) {
		return new Delivery(Status.REJECTED, errorCode, detail);
	}

	public static Delivery retryLater(int errorCode, String detail) {
		return new Delivery(Status.RETRY_LATER, errorCode, detail);
	}

	public boolean isSent() {
		return this.status == Status.SENT;
	}

}
