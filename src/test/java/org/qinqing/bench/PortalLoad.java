package org.qinqing.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLSocketFactory;
import org.qinqing.wechat.WechatReferenceCrypto;

/**
 * Load generator for the bot's WeChat webhook ({@code POST /wx/portal/{appId}}), JDK only.
 *
 * <p>Each worker thread owns one persistent HTTP/1.1 keep-alive connection (raw socket, TCP_NODELAY)
 * and parses responses itself (Content-Length, chunked or read-to-close), so the generator stays far
 * cheaper than the server under test. Connections are re-opened when the server sends
 * {@code Connection: close} (e.g. Tomcat's max-keep-alive-requests) or drops them.
 *
 * <p>Closed loop when {@code targetRatePerSecond == 0}: workers pull message indices from a shared counter.
 * Otherwise open loop: message j is scheduled at {@code start + j / rate} and handled by worker
 * {@code j % concurrency}; latency is measured from the scheduled time, so queueing behind a slow
 * response is counted (no coordinated omission).
 *
 * <p>A request is an error when the connection fails, the status is not 200 or the body is blank.
 * Throughput counts successful responses per second of the measured phase.
 */
public final class PortalLoad {

    private static final String[] TEXTS = {"菜单", "帮助", "1", "你好"};
    private static final int MAX_LOGGED_ERRORS = 5;

    public record Config(String baseUrl, String appId, String token, String aesKey, boolean encrypted,
                         int concurrency, int totalMessages, int warmupMessages, int openids,
                         int targetRatePerSecond /* 0 = as fast as possible */) {
    }

    /** Measured-phase outcome; {@code label} (e.g. "plaintext c=64 n=50000") only prefixes {@link #describe()}. */
    public record Result(long messages, long errors, double seconds, double throughputPerSecond,
                         double p50Millis, double p99Millis, double maxMillis, String label) {

        public Result(long messages, long errors, double seconds, double throughputPerSecond,
                      double p50Millis, double p99Millis, double maxMillis) {
            this(messages, errors, seconds, throughputPerSecond, p50Millis, p99Millis, maxMillis, "");
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s%.0f msg/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, errors %d",
                    label == null || label.isEmpty() ? "" : label + ": ",
                    throughputPerSecond, p50Millis, p99Millis, maxMillis, errors);
        }
    }

    private PortalLoad() {
    }

    public static Result run(Config c) {
        if (c.concurrency() < 1 || c.totalMessages() < 0 || c.warmupMessages() < 0 || c.openids() < 1
                || c.targetRatePerSecond() < 0) {
            throw new IllegalArgumentException("bad config: " + c);
        }
        Target target = Target.parse(c.baseUrl(), c.appId());
        WechatReferenceCrypto crypto = c.encrypted()
                ? new WechatReferenceCrypto(c.token(), c.aesKey(), c.appId()) : null;
        long msgIdBase = System.currentTimeMillis() * 1_000_000L; // unique across runs, ms resolution
        Worker[] workers = new Worker[c.concurrency()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w, c, target, crypto, msgIdBase);
        }
        try {
            if (c.warmupMessages() > 0) {
                runPhase(workers, 0, c.warmupMessages(), c.targetRatePerSecond(), false);
            }
            long nanos = runPhase(workers, c.warmupMessages(), c.totalMessages(), c.targetRatePerSecond(), true);

            long errors = 0;
            int n = 0;
            for (Worker w : workers) {
                errors += w.errors;
                n += w.latencyCount;
            }
            long[] all = new long[n];
            int pos = 0;
            for (Worker w : workers) {
                System.arraycopy(w.latencies, 0, all, pos, w.latencyCount);
                pos += w.latencyCount;
            }
            Arrays.sort(all);
            double seconds = nanos / 1e9;
            String label = (c.encrypted() ? "aes" : "plaintext") + " c=" + c.concurrency() + " n=" + c.totalMessages()
                    + (c.targetRatePerSecond() > 0 ? " rate=" + c.targetRatePerSecond() : "");
            return new Result(n, errors, seconds, seconds > 0 ? (n - errors) / seconds : 0,
                    percentile(all, 0.50), percentile(all, 0.99), n == 0 ? 0 : all[n - 1] / 1e6, label);
        } finally {
            for (Worker w : workers) {
                w.conn.close();
            }
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    /** Runs one phase with a thread per worker; returns the phase's wall-clock nanoseconds. */
    private static long runPhase(Worker[] workers, long offset, long count, int rate, boolean record) {
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong next = new AtomicLong();
        long[] start = new long[1];
        Thread[] threads = new Thread[workers.length];
        for (int i = 0; i < workers.length; i++) {
            Worker w = workers[i];
            w.latencyCount = 0;
            w.errors = 0;
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                w.runPhase(start[0], offset, count, rate, workers.length, next, record);
            }, "portal-load-" + i);
            threads[i].start();
        }
        start[0] = System.nanoTime();
        go.countDown(); // publishes start[0] to the workers
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return System.nanoTime() - start[0];
    }

    private static final AtomicInteger LOGGED_ERRORS = new AtomicInteger();

    private static void logError(String what) {
        if (LOGGED_ERRORS.getAndIncrement() < MAX_LOGGED_ERRORS) {
            System.err.println("portal-load error: " + what);
        }
    }

    private static final class Worker {
        final int id;
        final Config c;
        final Target target;
        final WechatReferenceCrypto crypto;
        final long msgIdBase;
        final Conn conn;
        final byte[] random16 = new byte[16];
        long[] latencies;
        int latencyCount;
        long errors;

        Worker(int id, Config c, Target target, WechatReferenceCrypto crypto, long msgIdBase) {
            this.id = id;
            this.c = c;
            this.target = target;
            this.crypto = crypto;
            this.msgIdBase = msgIdBase;
            this.conn = new Conn(target);
            this.latencies = new long[Math.max(16, c.totalMessages() / c.concurrency() + 16)];
        }

        void runPhase(long start, long offset, long count, int rate, int workers, AtomicLong next, boolean record) {
            if (rate <= 0) {
                for (long j = next.getAndIncrement(); j < count; j = next.getAndIncrement()) {
                    byte[][] req = build(offset + j);
                    long t0 = System.nanoTime();
                    boolean ok = conn.exchange(req[0], req[1]);
                    account(t0, ok, record);
                }
            } else {
                for (long j = id; j < count; j += workers) {
                    long scheduled = start + j * 1_000_000_000L / rate;
                    long wait;
                    while ((wait = scheduled - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    byte[][] req = build(offset + j);
                    boolean ok = conn.exchange(req[0], req[1]);
                    account(scheduled, ok, record);
                }
            }
        }

        private void account(long t0, boolean ok, boolean record) {
            long latency = System.nanoTime() - t0;
            if (!record) {
                return;
            }
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = latency;
            if (!ok) {
                errors++;
            }
        }

        /** Returns {head, body} of the POST for message index i. */
        private byte[][] build(long i) {
            String openid = "bench-" + (i % c.openids());
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
            String xml = "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[" + openid
                    + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                    + "<Content><![CDATA[" + TEXTS[(int) (i % TEXTS.length)] + "]]></Content><MsgId>" + (msgIdBase + i)
                    + "</MsgId></xml>";
            StringBuilder uri = new StringBuilder(256).append(target.portalPath)
                    .append("?signature=").append(WechatReferenceCrypto.signature(c.token(), timestamp, nonce))
                    .append("&timestamp=").append(timestamp)
                    .append("&nonce=").append(nonce)
                    .append("&openid=").append(openid);
            String body;
            if (crypto != null) {
                ThreadLocalRandom.current().nextBytes(random16); // not SecureRandom: avoids a shared lock across workers
                String encrypt = crypto.encrypt(xml, random16);
                body = WechatReferenceCrypto.envelope(xml, encrypt);
                uri.append("&encrypt_type=aes&msg_signature=").append(crypto.msgSignature(timestamp, nonce, encrypt));
            } else {
                body = xml;
            }
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + uri + " HTTP/1.1\r\nHost: " + target.hostHeader
                    + "\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-Length: " + bodyBytes.length
                    + "\r\nConnection: keep-alive\r\n\r\n";
            return new byte[][] {head.getBytes(StandardCharsets.ISO_8859_1), bodyBytes};
        }
    }

    private record Target(boolean tls, String host, int port, String hostHeader, String portalPath) {
        static Target parse(String baseUrl, String appId) {
            URI u = URI.create(baseUrl);
            boolean tls = "https".equalsIgnoreCase(u.getScheme());
            if (!tls && !"http".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException("baseUrl must be http(s): " + baseUrl);
            }
            int port = u.getPort() > 0 ? u.getPort() : (tls ? 443 : 80);
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String hostHeader = u.getPort() > 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
            return new Target(tls, u.getHost(), port, hostHeader, path + "/wx/portal/" + appId);
        }
    }

    /** One persistent HTTP/1.1 connection with a minimal response parser. */
    private static final class Conn {
        private final Target target;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean reused;
        private boolean responseStarted;
        private final byte[] buf = new byte[16 * 1024];
        private final StringBuilder line = new StringBuilder(128);

        Conn(Target target) {
            this.target = target;
        }

        /** Sends one request and reads the full response; true when status 200 with a non-blank body. */
        boolean exchange(byte[] head, byte[] body) {
            for (int attempt = 0; ; attempt++) {
                boolean wasReused = false;
                responseStarted = false;
                try {
                    if (socket == null) {
                        open();
                    }
                    wasReused = reused;
                    reused = true;
                    out.write(head);
                    out.write(body);
                    out.flush();
                    return readResponse();
                } catch (IOException | RuntimeException e) {
                    close();
                    if (e instanceof IOException && wasReused && !responseStarted && attempt == 0) {
                        continue; // server dropped an idle keep-alive connection: retry once on a fresh one
                    }
                    logError(e.toString());
                    return false;
                }
            }
        }

        private void open() throws IOException {
            Socket s = target.tls() ? SSLSocketFactory.getDefault().createSocket() : new Socket();
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout(60_000);
            s.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            reused = false;
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
            in = null;
            out = null;
        }

        private boolean readResponse() throws IOException {
            int status;
            boolean close;
            boolean nonBlank;
            while (true) {
                String statusLine = readLine();
                // "HTTP/1.1 200 OK"
                int sp = statusLine.indexOf(' ');
                if (sp < 0 || statusLine.length() < sp + 4) {
                    throw new IOException("bad status line: " + statusLine);
                }
                status = Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
                boolean http10 = statusLine.startsWith("HTTP/1.0");
                long contentLength = -1;
                boolean chunked = false;
                close = http10;
                for (String h = readLine(); !h.isEmpty(); h = readLine()) {
                    int colon = h.indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                    switch (name) {
                        case "content-length" -> contentLength = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.contains("chunked");
                        case "connection" -> close = value.contains("close") || (http10 && !value.contains("keep-alive"));
                        default -> { }
                    }
                }
                if (status >= 100 && status < 200) {
                    continue; // interim response, the real one follows
                }
                if (status == 204 || status == 304) {
                    nonBlank = false;
                } else if (chunked) {
                    nonBlank = false;
                    while (true) {
                        String sizeLine = readLine();
                        int semi = sizeLine.indexOf(';');
                        long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                        if (size == 0) {
                            while (!readLine().isEmpty()) {
                                // skip trailers
                            }
                            break;
                        }
                        nonBlank |= readBody(size);
                        readLine(); // CRLF after chunk data
                    }
                } else if (contentLength >= 0) {
                    nonBlank = readBody(contentLength);
                } else {
                    nonBlank = readBody(Long.MAX_VALUE); // until EOF
                    close = true;
                }
                break;
            }
            if (close) {
                close();
            }
            if (status != 200 || !nonBlank) {
                logError("HTTP " + status + (status == 200 ? " with empty body" : ""));
                return false;
            }
            return true;
        }

        /** Consumes n bytes (or to EOF when n == MAX_VALUE); returns whether any non-whitespace byte was seen. */
        private boolean readBody(long n) throws IOException {
            boolean nonBlank = false;
            long left = n;
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    if (n == Long.MAX_VALUE) {
                        break;
                    }
                    throw new EOFException("connection closed mid-body");
                }
                if (!nonBlank) {
                    for (int k = 0; k < r; k++) {
                        byte b = buf[k];
                        if (b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                            nonBlank = true;
                            break;
                        }
                    }
                }
                left -= r;
            }
            return nonBlank;
        }

        private String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException(responseStarted ? "connection closed mid-response"
                            : "connection closed before response");
                }
                responseStarted = true;
                if (b == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return line.toString();
                }
                line.append((char) b);
            }
        }
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                usage("unexpected argument: " + arg);
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (key.equals("encrypted")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                usage("missing value for " + arg);
                return;
            }
            a.put(key, value);
        }
        for (String k : a.keySet()) {
            if (!Arrays.asList("url", "appid", "token", "aes-key", "encrypted", "concurrency", "messages", "warmup",
                    "openids", "rate").contains(k)) {
                usage("unknown option --" + k);
            }
        }
        boolean encrypted = Boolean.parseBoolean(a.getOrDefault("encrypted", "false"));
        if (!a.containsKey("appid") || !a.containsKey("token") || (encrypted && !a.containsKey("aes-key"))) {
            usage("--appid and --token are required (and --aes-key with --encrypted)");
        }
        Config c = new Config(a.getOrDefault("url", "http://127.0.0.1:8080"), a.get("appid"), a.get("token"),
                a.get("aes-key"), encrypted,
                Integer.parseInt(a.getOrDefault("concurrency", "64")),
                Integer.parseInt(a.getOrDefault("messages", "20000")),
                Integer.parseInt(a.getOrDefault("warmup", "2000")),
                Integer.parseInt(a.getOrDefault("openids", "5000")),
                Integer.parseInt(a.getOrDefault("rate", "0")));
        System.out.println(run(c).describe());
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: PortalLoad --appid ID --token TOKEN [--aes-key KEY43 --encrypted] [--url http://127.0.0.1:8080]"
                + " [--concurrency 64] [--messages 20000] [--warmup 2000] [--openids 5000] [--rate 0]");
        System.exit(2);
    }
}
