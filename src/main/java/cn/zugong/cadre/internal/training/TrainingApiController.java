package cn.zugong.cadre.internal.training;

import cn.zugong.cadre.TrainingFigures.Figures;
import cn.zugong.cadre.TrainingFigures;
import cn.zugong.cadre.internal.training.TrainingForms.AttendanceForm;
import cn.zugong.cadre.internal.training.TrainingForms.ClassForm;
import cn.zugong.cadre.internal.training.TrainingForms.CompletionForm;
import cn.zugong.cadre.internal.training.TrainingForms.EnrolForm;
import cn.zugong.cadre.internal.training.TrainingForms.SessionForm;
import cn.zugong.cadre.internal.training.TrainingViews.ClassDetail;
import cn.zugong.cadre.internal.training.TrainingViews.Enrolment;
import cn.zugong.cadre.internal.training.TrainingViews.TrainingClass;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.web.FormFields;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The JSON API of 干部培训 (the pages' mirror): the same service, access rule and scope. */
@RestController
class TrainingApiController {

    static final String BASE = "/api/cadres/training";

    record Created(long id) {
    }

    private final TrainingService service;
    private final TrainingImport imports;
    private final TrainingFigures figures;
    private final TrainingController pages;

    TrainingApiController(TrainingService service, TrainingImport imports, TrainingFigures figures,
                          TrainingController pages) {
        this.service = service;
        this.imports = imports;
        this.figures = figures;
        this.pages = pages;
    }

    @GetMapping(BASE + "/classes")
    List<TrainingClass> classes(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                                CurrentUser user) {
        return service.classes(user, kind == null || kind.isBlank() ? null : kind, year);
    }

    @PostMapping(BASE + "/classes")
    Created create(@RequestBody ClassForm form, CurrentUser user) {
        return new Created(service.createClass(user, form));
    }

    @GetMapping(BASE + "/classes/{id}")
    ClassDetail detail(@PathVariable long id, CurrentUser user) {
        return service.detail(user, id);
    }

    @PostMapping(BASE + "/classes/{id}/sessions")
    Created session(@PathVariable long id, @RequestBody SessionForm form, CurrentUser user) {
        return new Created(service.addSession(user, id, form));
    }

    @PostMapping(BASE + "/classes/{id}/enrolments")
    Enrolment enrol(@PathVariable long id, @RequestBody EnrolForm form, CurrentUser user) {
        long person = FormFields.id(form.personId(), "人员编号");
        service.enrol(user, id, List.of(person), "");
        return service.detail(user, id).enrolments().stream().filter(e -> e.personId() == person).findFirst()
                .orElseThrow();
    }

    @PostMapping(BASE + "/sessions/{id}/attendance")
    Map<String, Object> attend(@PathVariable long id, @RequestBody AttendanceForm form, CurrentUser user) {
        service.attend(user, id, FormFields.id(form.personId(), "人员编号"), form.status());
        return Map.of("sessionId", id, "personId", form.personId(), "status", TrainingViews.statusOf(form.status()));
    }

    @PostMapping(BASE + "/enrolments/{id}/completion")
    Enrolment complete(@PathVariable long id, @RequestBody CompletionForm form, CurrentUser user) {
        service.complete(user, id, form);
        return service.visibleEnrolment(user, id);
    }

    @PostMapping(BASE + "/classes/{id}/enrolments/import")
    ResponseEntity<?> importEnrolments(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                                       CurrentUser user) {
        return outcome(file, in -> imports.enrolments(user, id, name(file), in));
    }

    @PostMapping(BASE + "/classes/{id}/attendance/import")
    ResponseEntity<?> importAttendance(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                                       CurrentUser user) {
        return outcome(file, in -> imports.attendance(user, id, name(file), in));
    }

    @GetMapping(BASE + "/figures")
    Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    CurrentUser user) {
        return pages.compute(from, to, user);
    }

    static String name(MultipartFile file) {
        return file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "导入文件.xlsx" : file.getOriginalFilename();
    }

    interface Run {
        TrainingImport.Outcome run(InputStream in);
    }

    /** 200 with the counts, or 400 with every problem by file, row, column and field (nothing written). */
    private static ResponseEntity<?> outcome(MultipartFile file, Run run) {
        if (file == null || file.isEmpty()) {
            throw new BadRequestException("请选择要上传的 Excel 文件（.xlsx）");
        }
        try (InputStream in = file.getInputStream()) {
            TrainingImport.Outcome o = run.run(in);
            return o.ok() ? ResponseEntity.ok(o) : ResponseEntity.badRequest().body(Map.of("status", 400,
                    "error", "导入失败，文件中有 " + o.problems().size() + " 处错误，未导入任何数据",
                    "errors", o.problems().stream().map(TrainingImport.Problem::text).toList(),
                    "problems", o.problems()));
        } catch (SheetException e) {
            throw new BadRequestException(e.getMessage());
        } catch (IOException e) {
            throw new BadRequestException("读取上传文件失败，请重新上传");
        }
    }
}
