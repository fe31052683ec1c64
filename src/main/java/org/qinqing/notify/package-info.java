/**
 * Outbound messages. Features queue proactive messages in the {@link org.qinqing.notify.Outbox}
 * ({@link org.qinqing.notify.Notification} in, {@link org.qinqing.notify.Enqueued} and a
 * {@link org.qinqing.notify.DeliveryLog} out); the outbox sends them through the low-level
 * {@link org.qinqing.notify.Messenger} port, whose channels (WeChat, the simulator's outbox) carry them.
 *
 * <h2>How the outbox works</h2>
 * <ul>
 * <li><b>One stream per tenant, one consumer group.</b> {@code enqueue} runs one Lua script: SET NX of
 * the idempotency key ({@code qq:{tenant}:outbox:idem:<key>}, a week), the message hash and its log,
 * and an XADD of {@code id, openid} to {@code qq:{tenant}:outbox:stream}. Every instance is a consumer
 * of the group {@code senders}; XREADGROUP shares the entries out.</li>
 * <li><b>Acknowledged only when settled.</b> A message is settled when WeChat accepted it, refused it
 * for good, or it is handed to the delayed set; one script records that outcome in the message hash
 * and then XACKs and XDELs the entry, so "sent" is always written before the acknowledgement and the
 * stream holds only work still to do. A redelivered entry whose message is already settled is
 * acknowledged without sending.</li>
 * <li><b>Crashes.</b> An entry a dead consumer read but never settled stays in the group's pending list;
 * every consumer XAUTOCLAIMs entries idle longer than {@code claim-idle} and carries them on. While a
 * consumer sends, the message is marked in flight for {@code claim-idle}, so a slow but living consumer
 * is not doubled. The one gap no outbox can close is a crash after WeChat accepted a message and before
 * the outcome was written: the message is sent again and its log says so
 * ({@code UNFINISHED_ATTEMPT}); template messages carry the message id as WeChat's
 * {@code client_msg_id}, with which WeChat itself drops the repeat.</li>
 * <li><b>Waiting never blocks the stream.</b> Messages that must wait (quiet hours until
 * {@code quiet-end}, a retry's back-off, a paused channel, the next day's quota) leave the stream for a
 * sorted set scored by due time ({@code qq:{tenant}:outbox:delayed}); every consumer moves due ones
 * back into the stream twice a second with an atomic script, and they queue behind newer messages.</li>
 * <li><b>Admission</b> is one script per attempt: already settled? in flight elsewhere? quiet hours
 * (non-urgent only)? reachable? which channel (customer service while the
 * {@link org.qinqing.notify.ServiceWindow} is open and has messages left, else a template)? channel
 * paused? then it takes a permit of the account's rate, a template from the day's quota or a message of the
 * window, and marks the message in flight.</li>
 * <li><b>The rate</b> holds in every one-second window at WeChat, not on average: GCRA on the app's clock
 * ({@code scripts/notify/rate.lua}, one key per account shared by all instances) spaces the permits one interval
 * apart with a small burst ({@code rate-burst}), the interval leaving room for a send to reach WeChat a little after
 * its slot ({@code rate-slack}). The admission reserves the message's slot up to a second ahead and the sender waits
 * for it, so waiting costs no further scripts; the quota is looked at before a slot is taken.</li>
 * <li><b>WeChat's answers.</b> 0: sent. -1, HTTP errors, timeouts ({@code RETRY_LATER}): back-off
 * (doubling with jitter) up to {@code max-attempts}. 40001/42001: WxJava refreshes the token once and
 * retries. 43004: the person is marked unreachable ({@link org.qinqing.notify.Reachability}) and later
 * messages to them are skipped until they follow again. 45015 (window closed) and 45047 (the window's
 * messages used up, a per-user limit): the template goes at once. 45009 (the account's daily quota):
 * that channel rests for the tenant for {@code channel-pause}, then is tried again. Anything else:
 * failed for good, with the code in the log.</li>
 * </ul>
 * Per-user order is not kept: messages to one person may overtake each other when retried or held.
 */
package org.qinqing.notify;
