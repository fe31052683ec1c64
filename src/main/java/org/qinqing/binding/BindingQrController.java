package org.qinqing.binding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.qinqing.people.BindingCodeFormat;
import org.qinqing.people.BindingCodes;
import org.qinqing.system.BotScripts;
import org.qinqing.system.LinkSigner;
import org.qinqing.wechat.QrTickets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The QR image of a binding code, for the printed binding sheets. Links are signed by the console
 * that prints them, so nobody can probe codes through this endpoint.
 */
@RestController
class BindingQrController {

	private final QrTickets tickets;

	private final LinkSigner signer;

	private final BotScripts scripts;

	private final BindingCodes codes;

	BindingQrController(QrTickets tickets, LinkSigner signer, BotScripts scripts, BindingCodes codes) {
		this.tickets = tickets;
		this.signer = signer;
		this.scripts = scripts;
		this.codes = codes;
		scripts.require("binding.qr-fallback");
	}

	@GetMapping("/binding/{tenant}/qr/{code}.png")
	ResponseEntity<byte[]> qr(@PathVariable String tenant, @PathVariable String code,
			@RequestParam(required = false) String sig) throws IOException {
		if (!BindingCodeFormat.isValid(code) || !BindingQrLinks.valid(this.signer, sig, tenant, code)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		// the scene carries a long random token, not the code: scenes are not typed, so they need not be short
		Optional<String> scene = this.codes.qrScene(tenant, code);
		if (scene.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		// without a real account (demo mode) the QR carries the typed form of the code instead
		String content = this.tickets.temporaryUrl(tenant, scene.get(), Duration.ofDays(14))
			.orElseGet(() -> this.scripts.text("binding.qr-fallback", Map.of("code", code)));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.body(png(content));
	}

	private static byte[] png(String content) throws IOException {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 300, 300,
					Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION,
							ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IOException("QR encoding failed", ex);
		}
	}

}
