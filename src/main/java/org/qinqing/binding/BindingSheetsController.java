package org.qinqing.binding;

import java.util.Locale;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.transfer.SheetDownloads;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Printable binding sheets (绑定单): per class, a card with a one-time code and its QR image for each
 * family member and teacher. A teacher opens only the classes {@code ChildAccess} shows them (403
 * otherwise); every printed sheet is written to the audit log, since its codes let people bind.
 */
@Controller
class BindingSheetsController {

	static final String CLASSES_VIEW = "binding/classes";

	static final String SHEET_VIEW = "binding/sheet";

	private final BindingSheets sheets;

	private final AuditLog audit;

	private final BindingSheetTable table;

	private final MessageSource messages;

	BindingSheetsController(BindingSheets sheets, AuditLog audit, BindingSheetTable table, MessageSource messages) {
		this.sheets = sheets;
		this.audit = audit;
		this.table = table;
		this.messages = messages;
	}

	@GetMapping("/console/binding")
	String classes(Model model) {
		StaffUser user = CurrentStaff.require();
		model.addAttribute("user", user);
		model.addAttribute("list", this.sheets.classes(user));
		return CLASSES_VIEW;
	}

	@GetMapping("/console/binding/class/{classId}")
	String sheet(@PathVariable String classId, Model model) {
		StaffUser user = CurrentStaff.require();
		SchoolClass schoolClass = allowed(user, classId);
		this.audit.record(user, "binding-sheet", classId);
		model.addAttribute("user", user);
		model.addAttribute("sheet", this.sheets.sheet(user, schoolClass));
		return SHEET_VIEW;
	}

	/**
	 * The sheet as a table for a print shop or a mail merge: one line per card, with the code. A GET like the
	 * sheet itself (it changes nothing a page could not: missing codes are issued as the sheet issues them,
	 * and another site may start the download but never read it), audited as the sheet is.
	 */
	@GetMapping("/console/binding/class/{classId}/sheet.csv")
	ResponseEntity<byte[]> sheetCsv(@PathVariable String classId, Locale locale) {
		StaffUser user = CurrentStaff.require();
		SchoolClass schoolClass = allowed(user, classId);
		this.audit.record(user, "binding-sheet-csv", classId);
		BindingSheets.Sheet sheet = this.sheets.sheet(user, schoolClass);
		return SheetDownloads.csv(fileName(sheet, "csv", locale), this.table.rows(sheet, locale));
	}

	@GetMapping("/console/binding/class/{classId}/sheet.xlsx")
	ResponseEntity<byte[]> sheetXlsx(@PathVariable String classId, Locale locale) {
		StaffUser user = CurrentStaff.require();
		SchoolClass schoolClass = allowed(user, classId);
		this.audit.record(user, "binding-sheet-xlsx", classId);
		BindingSheets.Sheet sheet = this.sheets.sheet(user, schoolClass);
		return SheetDownloads.xlsx(fileName(sheet, "xlsx", locale),
				this.messages.getMessage("binding.export.sheetName", null, locale), this.table.rows(sheet, locale));
	}

	private String fileName(BindingSheets.Sheet sheet, String extension, Locale locale) {
		String school = sheet.schoolName().isEmpty() ? "" : sheet.schoolName() + "-";
		return this.messages.getMessage("binding.export.file", new Object[] { school + sheet.schoolClass().name() },
				locale) + "." + extension;
	}

	@PostMapping("/console/binding/class/{classId}/person/{personId}/regenerate")
	String regenerate(@PathVariable String classId, @PathVariable String personId) {
		StaffUser user = CurrentStaff.require();
		SchoolClass schoolClass = allowedPerson(user, classId, personId);
		this.sheets.regenerate(user, personId);
		this.audit.record(user, "binding-code-regenerate", personId);
		return "redirect:/console/binding/class/" + schoolClass.id() + "#card-" + personId;
	}

	@PostMapping("/console/binding/class/{classId}/person/{personId}/revoke")
	String revoke(@PathVariable String classId, @PathVariable String personId) {
		StaffUser user = CurrentStaff.require();
		SchoolClass schoolClass = allowedPerson(user, classId, personId);
		this.sheets.revoke(user, personId);
		this.audit.record(user, "binding-code-revoke", personId);
		return "redirect:/console/binding/class/" + schoolClass.id() + "#card-" + personId;
	}

	private SchoolClass allowed(StaffUser user, String classId) {
		return this.sheets.visibleClass(user, classId)
			.orElseThrow(() -> new AccessDeniedException("class not visible"));
	}

	private SchoolClass allowedPerson(StaffUser user, String classId, String personId) {
		SchoolClass schoolClass = allowed(user, classId);
		if (!this.sheets.onSheet(user, schoolClass, personId)) {
			throw new AccessDeniedException("person not on this sheet");
		}
		return schoolClass;
	}

}
