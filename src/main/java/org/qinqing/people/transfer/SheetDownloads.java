package org.qinqing.people.transfer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tables as downloads, for any console page that offers one (the archive's export, a class's binding sheet
 * for a print shop or a mail merge): .xlsx with every cell text, or CSV in UTF-8 with a BOM so Excel shows
 * the Chinese right; never cached, since they hold phones or binding codes.
 */
public final class SheetDownloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private SheetDownloads() {
	}

	/** The rows (header first) as an .xlsx file named {@code fileName}. */
	public static ResponseEntity<byte[]> xlsx(String fileName, String sheetName, List<List<String>> rows) {
		return of(SheetFiles.writeXlsx(sheetName, rows), fileName, XLSX);
	}

	/** The rows (header first) as a CSV file named {@code fileName}. */
	public static ResponseEntity<byte[]> csv(String fileName, List<List<String>> rows) {
		return of(SheetFiles.writeCsv(rows), fileName, CSV);
	}

	static ResponseEntity<byte[]> of(byte[] body, String fileName, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
