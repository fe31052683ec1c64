package org.qinqing.binding;

import org.qinqing.system.LinkSigner;

/** Signed paths of binding QR images, for pages that print binding sheets. */
public final class BindingQrLinks {

	private BindingQrLinks() {
	}

	public static String path(LinkSigner signer, String tenant, String code) {
		return "/binding/" + tenant + "/qr/" + code + ".png?sig=" + signer.sign("bind-qr", tenant, code);
	}

	static boolean valid(LinkSigner signer, String signature, String tenant, String code) {
		return signer.verify(signature, "bind-qr", tenant, code);
	}

}
