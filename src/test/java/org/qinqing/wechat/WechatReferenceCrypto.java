package org.qinqing.wechat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Independent implementation of the WeChat official-account message encryption algorithm
 * ("消息加解密", safe mode, {@code encrypt_type=aes}), written directly from the platform's
 * published specification and deliberately NOT using WxJava. It exists so tests can check the
 * application's encryption, decryption and signatures against the spec independently of WxJava.
 *
 * <ul>
 *   <li>AESKey = Base64(EncodingAESKey + "="), 32 bytes; IV = first 16 bytes of AESKey.</li>
 *   <li>AES/CBC/NoPadding with manual PKCS#7 padding to a 32-byte block.</li>
 *   <li>Plain = random(16) + msg_len(4, big-endian) + msg(UTF-8) + appid(UTF-8).</li>
 *   <li>msg_signature = sha1_hex(sort([token, timestamp, nonce, encrypt]) joined).</li>
 * </ul>
 */
public final class WechatReferenceCrypto {

    private static final int PAD_BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TO_USER =
            Pattern.compile("<ToUserName>\\s*(?:<!\\[CDATA\\[(.*?)]]>|([^<]*))\\s*</ToUserName>", Pattern.DOTALL);

    private final String token;
    private final String appId;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    public WechatReferenceCrypto(String token, String encodingAesKey, String appId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("EncodingAESKey must be 43 characters");
        }
        byte[] aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
        if (aesKey.length != 32) {
            throw new IllegalArgumentException("AESKey must decode to 32 bytes, got " + aesKey.length);
        }
        this.token = token;
        this.appId = appId;
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16));
    }

    /** Encrypts with 16 fresh random bytes from SecureRandom; returns the Base64 {@code Encrypt} value. */
    public String encrypt(String plainXml) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(plainXml, random);
    }

    /** Deterministic variant: the caller supplies the 16 random prefix bytes. */
    public String encrypt(String plainXml, byte[] random16) {
        if (random16 == null || random16.length != 16) {
            throw new IllegalArgumentException("random prefix must be 16 bytes");
        }
        byte[] msg = plainXml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(random16);
        buf.writeBytes(ByteBuffer.allocate(4).putInt(msg.length).array()); // network byte order
        buf.writeBytes(msg);
        buf.writeBytes(app);
        int pad = PAD_BLOCK - (buf.size() % PAD_BLOCK); // 1..32
        for (int i = 0; i < pad; i++) {
            buf.write(pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, buf.toByteArray()));
    }

    /** Decrypts a Base64 {@code Encrypt} value, checks the trailing appid and returns the plain message. */
    public String decrypt(String base64) {
        byte[] plain = cipher(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(base64.trim()));
        if (plain.length == 0) {
            throw new IllegalStateException("empty ciphertext");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > PAD_BLOCK || pad > plain.length) {
            throw new IllegalStateException("bad PKCS#7 padding: " + pad);
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw new IllegalStateException("inconsistent PKCS#7 padding bytes");
            }
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new IllegalStateException("decrypted buffer too short");
        }
        int len = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (len < 0 || 20 + len > end) {
            throw new IllegalStateException("bad msg_len: " + len);
        }
        String msg = new String(plain, 20, len, StandardCharsets.UTF_8);
        String fromAppId = new String(plain, 20 + len, end - 20 - len, StandardCharsets.UTF_8);
        if (!fromAppId.equals(appId)) {
            throw new IllegalStateException("appid mismatch: expected " + appId + " but was " + fromAppId);
        }
        return msg;
    }

    /** Sorts the parts lexicographically (String.compareTo), concatenates them and returns lowercase SHA-1 hex. */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        StringBuilder joined = new StringBuilder();
        for (String p : sorted) {
            joined.append(p);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(40);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String msgSignature(String timestamp, String nonce, String encrypt) {
        return signature(token, timestamp, nonce, encrypt);
    }

    /**
     * The XML WeChat POSTs in safe mode. Timestamp and nonce are not part of the body (they travel in
     * the query string together with {@code msg_signature = msgSignature(timestamp, nonce, encrypt)});
     * they are accepted here for symmetry with the query parameters.
     */
    public String encryptedEnvelope(String plainXml, String timestamp, String nonce) {
        String encrypt = encrypt(plainXml);
        return envelope(plainXml, encrypt);
    }

    /** Builds the safe-mode request body around an already computed {@code Encrypt} value. */
    public static String envelope(String plainXml, String encrypt) {
        String toUser = "";
        Matcher m = TO_USER.matcher(plainXml);
        if (m.find()) {
            toUser = m.group(1) != null ? m.group(1) : m.group(2).trim();
        }
        return "<xml><ToUserName><![CDATA[" + toUser + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
    }

    /** Verifies the MsgSignature of the app's encrypted passive reply and returns its decrypted plain XML. */
    public String decryptReplyEnvelope(String replyXml) {
        String encrypt = field(replyXml, "Encrypt");
        String msgSignature = field(replyXml, "MsgSignature");
        String timestamp = field(replyXml, "TimeStamp");
        String nonce = field(replyXml, "Nonce");
        String expected = msgSignature(timestamp, nonce, encrypt);
        if (!expected.equals(msgSignature)) {
            throw new IllegalStateException("MsgSignature mismatch: expected " + expected + " but was " + msgSignature);
        }
        return decrypt(encrypt);
    }

    private static String field(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*(?:<!\\[CDATA\\[(.*?)]]>|([^<]*))\\s*</" + name + ">",
                Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("missing <" + name + "> in reply: " + xml);
        }
        return m.group(1) != null ? m.group(1) : m.group(2).trim();
    }

    private byte[] cipher(int mode, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, key, iv);
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failure", e);
        }
    }

    /** Self-check: round trips and signature properties; prints OK. */
    public static void main(String[] args) {
        String aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        WechatReferenceCrypto c = new WechatReferenceCrypto("tok", aesKey, "wx1234567890abcdef");
        String xml = "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Content><![CDATA[你好 菜单]]></Content></xml>";
        check(xml.equals(c.decrypt(c.encrypt(xml))), "random round trip");
        byte[] fixed = new byte[16];
        String e1 = c.encrypt(xml, fixed);
        check(e1.equals(c.encrypt(xml, fixed)), "deterministic");
        check(Base64.getDecoder().decode(e1).length % PAD_BLOCK == 0, "32-byte block padding");
        for (int n = 0; n < 70; n++) { // exercise every padding length incl. a full 32-byte pad block
            String s = "x".repeat(n);
            check(s.equals(c.decrypt(c.encrypt(s))), "length " + n);
        }
        // Known-answer vector from the platform's published sample (WXBizMsgCryptTest).
        WechatReferenceCrypto sample = new WechatReferenceCrypto("pamtest", aesKey, "wxb11529c136998cb6");
        String sampleCipher = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
        check(sampleCipher.equals(sample.encrypt("我是中文abcd123",
                "aaaabbbbccccdddd".getBytes(StandardCharsets.UTF_8))), "published sample encrypt");
        check("我是中文abcd123".equals(sample.decrypt(sampleCipher)), "published sample decrypt");
        check(signature("b", "a", "c").equals(signature("a", "b", "c")), "sort");
        check(signature("abc").equals("a9993e364706816aba3e25717850c26c9cd0d89d"), "sha1 known vector");
        String env = c.encryptedEnvelope(xml, "1700000000", "n1");
        check(env.startsWith("<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA["), "envelope");
        String enc = field(env, "Encrypt");
        String reply = "<xml><Encrypt><![CDATA[" + enc + "]]></Encrypt><MsgSignature><![CDATA["
                + c.msgSignature("1700000000", "n1", enc) + "]]></MsgSignature><TimeStamp>1700000000</TimeStamp>"
                + "<Nonce><![CDATA[n1]]></Nonce></xml>";
        check(xml.equals(c.decryptReplyEnvelope(reply)), "reply envelope");
        String noCdata = "<xml><Encrypt>" + enc + "</Encrypt><MsgSignature>" + c.msgSignature("1700000000", "n1", enc)
                + "</MsgSignature><TimeStamp>1700000000</TimeStamp><Nonce>n1</Nonce></xml>";
        check(xml.equals(c.decryptReplyEnvelope(noCdata)), "reply envelope without CDATA");
        check(throwsISE(() -> c.decryptReplyEnvelope(reply.replace("<Nonce><![CDATA[n1", "<Nonce><![CDATA[n2"))),
                "bad signature rejected");
        WechatReferenceCrypto other = new WechatReferenceCrypto("tok", aesKey, "wxOTHER");
        check(throwsISE(() -> other.decrypt(enc)), "appid mismatch rejected");
        System.out.println("OK");
    }

    private static boolean throwsISE(Runnable r) {
        try {
            r.run();
            return false;
        } catch (IllegalStateException expected) {
            return true;
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("self-check failed: " + what);
        }
    }
}
