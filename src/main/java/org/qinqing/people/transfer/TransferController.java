package org.qinqing.people.transfer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.ArchiveFilter;
import org.qinqing.people.Families;
import org.qinqing.people.LeftBehindType;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import of class lists (admins only): upload, a preview of every row with its problems, then the
 * import of the whole clean file or, when the user says so, of the good rows only. Export of the
 * archive the user may see, in the same columns, and the empty template.
 */
@Controller
class TransferController {

	static final String IMPORT_VIEW = "transfer/import";

	static final String PREVIEW_VIEW = "transfer/preview";

	static final String BASE = "/console/archives/import";

	private static final MediaType XLSX = SheetDownloads.XLSX;

	private static final MediaType CSV = SheetDownloads.CSV;

	/** One row of the preview, with its problems and what it does to the child's family already in words. */
	record PreviewRow(int line, String name, String schoolName, String className, String leftBehind, String status,
			String family, List<String> problems) {
	}

	private final ArchiveTransfer transfer;

	private final PendingImports pending;

	private final AuditLog audit;

	private final MessageSource messages;

	private final DataSize maxFileSize;

	TransferController(ArchiveTransfer transfer, PendingImports pending, AuditLog audit, MessageSource messages,
			@Value("${spring.servlet.multipart.max-file-size:2MB}") DataSize maxFileSize) {
		this.transfer = transfer;
		this.pending = pending;
		this.audit = audit;
		this.messages = messages;
		this.maxFileSize = maxFileSize;
	}

	@GetMapping(BASE)
	String importPage(Model model) {
		requireAdmin();
		model.addAttribute("maxSize", this.maxFileSize.toMegabytes());
		return IMPORT_VIEW;
	}

	@PostMapping(BASE)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale)
			throws IOException {
		StaffUser user = requireAdmin();
		model.addAttribute("maxSize", this.maxFileSize.toMegabytes());
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", this.messages.getMessage("import.error.noFile", null, locale));
			return IMPORT_VIEW;
		}
		if (file.getSize() > this.maxFileSize.toBytes()) {
			model.addAttribute("error",
					this.messages.getMessage("import.error.tooLarge", new Object[] { this.maxFileSize.toMegabytes() }, locale));
			return IMPORT_VIEW;
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		ParsedImport parsed;
		try {
			parsed = this.transfer.parse(user, name, file.getBytes());
		}
		catch (SheetFiles.UnreadableFileException ex) {
			model.addAttribute("error", this.messages.getMessage("import.error.unreadable", null, locale));
			return IMPORT_VIEW;
		}
		String id = this.pending.put(user.tenant(), user.username(), parsed);
		return "redirect:" + BASE + "/" + id;
	}

	@GetMapping(BASE + "/{id:[0-9a-f]{32}}")
	String preview(@PathVariable String id, Model model, Locale locale) {
		StaffUser user = requireAdmin();
		PendingImports.Pending upload = this.pending.get(user.tenant(), id)
			.filter(p -> p.owner().equals(user.username()))
			.orElse(null);
		if (upload == null) {
			return "redirect:" + BASE + "?expired";
		}
		ParsedImport parsed = upload.parsed();
		Map<Integer, ArchiveTransfer.RowPlan> plans = this.transfer.preview(user, parsed);
		List<PreviewRow> rows = new ArrayList<>();
		Families.Plan families = Families.Plan.NONE;
		for (ImportRow row : parsed.rows()) {
			List<String> problems = row.problems().stream().map(p -> words(p, locale)).toList();
			ArchiveTransfer.RowPlan plan = plans.get(row.line());
			String statusKey = plan == null ? "import.status.error"
					: "import.status." + plan.status().name().toLowerCase(Locale.ROOT);
			if (plan != null) {
				families = families.plus(plan.family());
			}
			rows.add(new PreviewRow(row.line(), row.name(), row.schoolName(), row.className(),
					row.leftBehind() == null ? "" : Normalize.leftBehindWord(row.leftBehind()),
					this.messages.getMessage(statusKey, null, locale),
					plan == null ? "" : FamilyWording.of(plan.family(), this.messages, locale), problems));
		}
		model.addAttribute("id", id);
		model.addAttribute("fileName", parsed.fileName());
		model.addAttribute("fileProblems", parsed.fileProblems().stream().map(p -> words(p, locale)).toList());
		model.addAttribute("rows", rows);
		model.addAttribute("clean", parsed.isClean());
		model.addAttribute("goodCount", parsed.goodRows().size());
		model.addAttribute("badCount", parsed.badRowCount());
		model.addAttribute("newCount", plans.values().stream().filter(p -> p.status() == ArchiveTransfer.Status.NEW).count());
		model.addAttribute("updateCount",
				plans.values().stream().filter(p -> p.status() == ArchiveTransfer.Status.UPDATE).count());
		model.addAttribute("families", families);
		model.addAttribute("showSchool", rows.stream().anyMatch(r -> !r.schoolName().isEmpty()));
		return PREVIEW_VIEW;
	}

	/** {@code mode=good} imports the good rows of a file with problems; otherwise the file must be clean. */
	@PostMapping(BASE + "/{id:[0-9a-f]{32}}")
	String confirm(@PathVariable String id, @RequestParam(defaultValue = "all") String mode) {
		StaffUser user = requireAdmin();
		PendingImports.Pending upload = this.pending.take(user.tenant(), id).orElse(null);
		if (upload == null || !upload.owner().equals(user.username())) {
			if (upload != null) {
				this.pending.putBack(user.tenant(), id, upload);
			}
			return "redirect:" + BASE + "?expired";
		}
		ParsedImport parsed = upload.parsed();
		boolean goodOnly = "good".equals(mode);
		if (!parsed.isClean() && !goodOnly) {
			// nothing is written while the file has problems, unless the user chose the good rows only
			this.pending.putBack(user.tenant(), id, upload);
			return "redirect:" + BASE + "/" + id + "?notClean";
		}
		List<ImportRow> rows = parsed.goodRows();
		ArchiveTransfer.Outcome outcome = this.transfer.apply(user, rows);
		this.audit.record(user, "import", "archive");
		Families.Plan families = outcome.families();
		return "redirect:" + BASE + "?created=" + outcome.created() + "&updated=" + outcome.updated() + "&unchanged="
				+ outcome.unchanged() + "&skipped=" + (parsed.rows().size() - rows.size()) + "&families="
				+ families.newFamilies() + "&adults=" + families.added() + "&linked=" + families.joined() + "&changed="
				+ families.changed();
	}

	@GetMapping(BASE + "/template.xlsx")
	ResponseEntity<byte[]> templateXlsx() {
		return download(SheetFiles.writeArchiveXlsx("学生名单", List.of(ArchiveColumn.headers())), "学生名单模板.xlsx", XLSX);
	}

	@GetMapping(BASE + "/template.csv")
	ResponseEntity<byte[]> templateCsv() {
		return download(SheetFiles.writeCsv(List.of(ArchiveColumn.headers())), "学生名单模板.csv", CSV);
	}

	/** The whole archive the user may see, or the archive list's filtered view with its parameters. */
	@GetMapping("/console/archives/export.xlsx")
	ResponseEntity<byte[]> exportXlsx(@RequestParam(name = "class", required = false) String classId,
			@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "incomplete", defaultValue = "false") boolean incomplete) {
		StaffUser user = CurrentStaff.require();
		byte[] body = SheetFiles.writeArchiveXlsx(this.messages.getMessage("import.export.sheet", null, Locale.SIMPLIFIED_CHINESE),
				this.transfer.export(user, filter(classId, type, incomplete)));
		this.audit.record(user, "export", "archive");
		return download(body, exportName("xlsx"), XLSX);
	}

	@GetMapping("/console/archives/export.csv")
	ResponseEntity<byte[]> exportCsv(@RequestParam(name = "class", required = false) String classId,
			@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "incomplete", defaultValue = "false") boolean incomplete) {
		StaffUser user = CurrentStaff.require();
		byte[] body = SheetFiles.writeCsv(this.transfer.export(user, filter(classId, type, incomplete)));
		this.audit.record(user, "export", "archive");
		return download(body, exportName("csv"), CSV);
	}

	/** The list's filters; a bare export (no type) is the whole archive the user may see. */
	private static ArchiveFilter filter(String classId, String type, boolean incomplete) {
		String wanted = ArchiveFilter.ALL;
		if (type != null && !type.isBlank()) {
			String code = type.strip().toUpperCase(Locale.ROOT);
			boolean known = code.equals(ArchiveFilter.LEFT_BEHIND) || code.equals(ArchiveFilter.ALL)
					|| java.util.Arrays.stream(LeftBehindType.values()).anyMatch(t -> t.name().equals(code));
			// a type may also be typed as the sheets word it (父母都外出...)
			LeftBehindType word = known ? null : Normalize.leftBehind(type);
			wanted = known ? code : word == null ? ArchiveFilter.ALL : word.name();
		}
		return new ArchiveFilter(classId, wanted, incomplete);
	}

	private String exportName(String extension) {
		return this.messages.getMessage("import.export.file",
				new Object[] { LocalDate.now(SchoolTime.ZONE).toString() }, Locale.SIMPLIFIED_CHINESE) + "."
				+ extension;
	}

	private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
		return SheetDownloads.of(body, fileName, type);
	}

	private String words(Problem problem, Locale locale) {
		return this.messages.getMessage(problem.key(), problem.args().toArray(), locale);
	}

	private static StaffUser requireAdmin() {
		StaffUser user = CurrentStaff.require();
		if (!user.isAdmin()) {
			throw new AccessDeniedException("only admins import class lists");
		}
		return user;
	}

}
