package org.qinqing.people.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads and writes the two formats schools keep class lists in: CSV (UTF-8 with or without BOM,
 * or GBK as Excel on a Chinese Windows saves it) and .xlsx (first sheet; date cells are dates).
 */
final class SheetFiles {

	/** A file that is not a CSV or .xlsx we can read. */
	static final class UnreadableFileException extends Exception {

		UnreadableFileException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** GB18030 is a superset of GBK, so it reads every GBK file and a few characters GBK lacks. */
	static final Charset GBK = Charset.forName("GB18030");

	private SheetFiles() {
	}

	static boolean isXlsx(byte[] bytes) {
		return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	static List<SheetRow> read(byte[] bytes) throws UnreadableFileException {
		return isXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes);
	}

	// ---- CSV

	static Charset detectCharset(byte[] bytes) {
		if (startsWithBom(bytes)) {
			return StandardCharsets.UTF_8;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return GBK;
		}
	}

	private static boolean startsWithBom(byte[] bytes) {
		return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
	}

	static List<SheetRow> readCsv(byte[] bytes) throws UnreadableFileException {
		if (bytes.length > 0 && bytes[0] == 0) {
			throw new UnreadableFileException("binary file", null);
		}
		Charset charset = detectCharset(bytes);
		int skip = startsWithBom(bytes) ? 3 : 0;
		String text = new String(bytes, skip, bytes.length - skip, charset);
		char delimiter = guessDelimiter(text);
		List<SheetRow> rows = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.length() == 0) {
				quoted = true;
			}
			else if (c == delimiter) {
				cells.add(unescape(cell.toString()));
				cell.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(unescape(cell.toString()));
				cell.setLength(0);
				rows.add(new SheetRow(rowLine, cells));
				cells = new ArrayList<>();
				line++;
				rowLine = line;
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !cells.isEmpty()) {
			cells.add(unescape(cell.toString()));
			rows.add(new SheetRow(rowLine, cells));
		}
		return rows;
	}

	/** Comma, or a tab or semicolon when the first line has those and no comma. */
	private static char guessDelimiter(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		if (first.indexOf(',') >= 0) {
			return ',';
		}
		if (first.indexOf('\t') >= 0) {
			return '\t';
		}
		return first.indexOf(';') >= 0 ? ';' : ',';
	}

	/** The export guards cells that a spreadsheet would run as a formula with a leading apostrophe. */
	private static String unescape(String value) {
		if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
			return value.substring(1);
		}
		return value;
	}

	private static String escape(String value) {
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

	/** UTF-8 with a BOM (so Excel shows the Chinese right), CRLF line ends. */
	static byte[] writeCsv(List<List<String>> rows) {
		StringBuilder out = new StringBuilder();
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				out.append(escape(row.get(i) == null ? "" : row.get(i)));
			}
			out.append("\r\n");
		}
		byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[body.length + 3];
		System.arraycopy(UTF8_BOM, 0, bytes, 0, 3);
		System.arraycopy(body, 0, bytes, 3, body.length);
		return bytes;
	}

	// ---- xlsx

	static List<SheetRow> readXlsx(byte[] bytes) throws UnreadableFileException {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				return List.of();
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			List<SheetRow> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				short last = row.getLastCellNum();
				for (int i = 0; i < last; i++) {
					cells.add(text(row.getCell(i), formatter));
				}
				rows.add(new SheetRow(row.getRowNum() + 1, cells));
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableFileException("not a readable .xlsx", ex);
		}
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		switch (type) {
			case NUMERIC:
				if (DateUtil.isCellDateFormatted(cell)) {
					return cell.getLocalDateTimeCellValue().toLocalDate().toString();
				}
				double value = cell.getNumericCellValue();
				// phones typed as numbers would otherwise come back as 1.38E10
				return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
			case STRING:
				return cell.getStringCellValue();
			case BOOLEAN:
				return String.valueOf(cell.getBooleanCellValue());
			default:
				return cell.getCellType() == CellType.FORMULA ? "" : formatter.formatCellValue(cell);
		}
	}

	/** The class list's sheet: {@link #writeXlsx} with drop-downs for the columns that take fixed words. */
	static byte[] writeArchiveXlsx(String sheetName, List<List<String>> rows) {
		return writeXlsx(sheetName, rows, sheet -> {
			dropDown(sheet, ArchiveColumn.LEFT_BEHIND.ordinal(), "父亲外出", "母亲外出", "父母都外出", "其他", "否");
			dropDown(sheet, ArchiveColumn.GENDER.ordinal(), "男", "女");
		});
	}

	/** Writes rows as text cells (so a phone, a code or a date keeps its exact spelling), the first row bold and frozen. */
	static byte[] writeXlsx(String sheetName, List<List<String>> rows) {
		return writeXlsx(sheetName, rows, sheet -> {
		});
	}

	private static byte[] writeXlsx(String sheetName, List<List<String>> rows, java.util.function.Consumer<Sheet> finish) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle head = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			head.setFont(bold);
			head.setDataFormat(text.getDataFormat());
			int columns = rows.isEmpty() ? 0 : rows.get(0).size();
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Cell cell = row.createCell(c, CellType.STRING);
					cell.setCellStyle(r == 0 ? head : text);
					cell.setCellValue(values.get(c) == null ? "" : values.get(c));
				}
			}
			for (int c = 0; c < columns; c++) {
				sheet.setDefaultColumnStyle(c, text);
				sheet.setColumnWidth(c, 14 * 256);
			}
			sheet.createFreezePane(0, 1);
			finish.accept(sheet);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void dropDown(Sheet sheet, int column, String... words) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		var validation = helper.createValidation(helper.createExplicitListConstraint(words),
				new CellRangeAddressList(1, 5000, column, column));
		validation.setShowErrorBox(false);
		sheet.addValidationData(validation);
	}


}
