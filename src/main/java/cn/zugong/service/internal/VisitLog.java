package cn.zugong.service.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.service.VisitKind;
import cn.zugong.service.internal.Records.Cadre;
import cn.zugong.service.internal.Records.Charge;
import cn.zugong.service.internal.Records.NewPhoto;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Upload;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs a visit with its photos in one transaction: all of it or, on any refusal, nothing. */
@Service
class VisitLog {

    /** The visit form as typed. */
    record VisitForm(String cadreId, String chargeId, String kind, String date, String place, String whom,
                     String notes, Boolean problem) {

        /** Whether a problem was found; an unticked box sends nothing. */
        boolean problemFound() {
            return Boolean.TRUE.equals(problem);
        }
    }

    private final ServiceRepository repository;
    private final VisitRepository visits;
    private final ServiceAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    VisitLog(ServiceRepository repository, VisitRepository visits, ServiceAccess access, AuditTrail audit,
             Clock clock) {
        this.repository = repository;
        this.visits = visits;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long log(VisitForm form, List<Upload> uploads, CurrentUser user) {
        Cadre cadre = access.loggingCadre(user, CadreAdmin.parseId(form.cadreId()));
        var errors = new InvalidForm.Collector();
        VisitKind kind = CadreAdmin.parseEnum(VisitKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "请选择走访类型（项目对接、走访企业或走访渔农户）");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = CadreAdmin.date(form.date(), "date", "走访日期", true, errors);
        if (date != null && date.isAfter(today)) {
            errors.add("date", "走访日期不能晚于今天（" + today + "）");
        }
        String place = CadreAdmin.text(form.place(), "place", "走访地点", 100, true, errors);
        String whom = CadreAdmin.text(form.whom(), "whom", "走访对象（联系人）", 100, true, errors);
        String notes = CadreAdmin.text(form.notes(), "notes", "走访情况", 2000, false, errors);
        Charge charge = charge(form.chargeId(), cadre, kind, date, errors);
        List<NewPhoto> photos = photos(uploads, errors);
        errors.throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        long id = visits.insertVisit(cadre.id(), charge.id(), kind, date, place, whom, notes, form.problemFound(),
                user.username(), now);
        if (!photos.isEmpty()) {
            visits.insertPhotos(id, photos, user.username(), now);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("cadre", cadre.name());
        after.put("charge", charge.targetName());
        after.put("kind", kind.label());
        after.put("date", date.toString());
        after.put("place", place);
        after.put("whom", whom);
        after.put("problem", form.problemFound());
        after.put("photos", photos.stream().map(p -> Map.of("file", p.fileName(), "sha256", p.sha256())).toList());
        audit.record(AuditEvent.change(AuditAction.CREATE, "service_visit", id, null, after));
        return id;
    }

    /** The charge must be the cadre's own, of the kind the visit is, and current on the visit's date. */
    private Charge charge(String raw, Cadre cadre, VisitKind kind, LocalDate date, InvalidForm.Collector errors) {
        Long id = CadreAdmin.parseId(raw);
        if (id == null) {
            errors.add("chargeId", "请选择走访的联系对象");
            return null;
        }
        Charge charge = repository.charge(id).filter(c -> c.cadreId() == cadre.id()).orElse(null);
        if (charge == null) {
            throw new cn.zugong.shared.NotFoundException("联系对象不存在或不是" + cadre.name() + "的联系对象：" + id);
        }
        if (kind != null && charge.kind() != kind.chargeKind()) {
            errors.add("chargeId", kind.label() + "应选择" + kind.chargeKind().label() + "类的联系对象，「"
                    + charge.targetName() + "」是" + charge.kind().label());
        } else if (date != null && !charge.currentOn(date)) {
            errors.add("chargeId", "走访日期 " + date + " 不在与「" + charge.targetName() + "」的联系期限（"
                    + charge.periodText() + "）内");
        }
        return charge;
    }

    private static List<NewPhoto> photos(List<Upload> uploads, InvalidForm.Collector errors) {
        List<NewPhoto> photos = new ArrayList<>();
        if (uploads.size() > PhotoPolicy.MAX_FILES) {
            errors.add("photos", "每次走访最多上传 " + PhotoPolicy.MAX_FILES + " 张照片");
            return photos;
        }
        for (Upload u : uploads) {
            try {
                photos.add(PhotoPolicy.check(u));
            } catch (InvalidForm refused) {
                refused.errors().forEach(errors::add);
            }
        }
        return photos;
    }
}
