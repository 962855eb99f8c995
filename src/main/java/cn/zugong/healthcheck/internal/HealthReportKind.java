package cn.zugong.healthcheck.internal;

import cn.zugong.report.ReportJobs;
import cn.zugong.shared.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * 体检报告 (Word or PDF) as a background job that any node can generate: the request is stored with the job as
 * JSON, including the user whose scope was checked when it was submitted, since the job runs outside that request.
 */
@Component
class HealthReportKind implements ReportJobs.Kind {

    static final String NAME = "healthcheck-report";

    /** What the job needs: the submitting user (scope), the unit, the evaluation and the format. */
    record Request(CurrentUser user, long node, long evaluation, boolean pdf) {
    }

    private final ReportData data;
    private final WordHealthReport word;
    private final PdfHealthReport pdf;
    private final ObjectMapper json;

    HealthReportKind(ReportData data, WordHealthReport word, PdfHealthReport pdf, ObjectMapper json) {
        this.data = data;
        this.word = word;
        this.pdf = pdf;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    String params(Request request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] produce(String params, ReportJobs.Progress progress) {
        Request r;
        try {
            r = json.readValue(params, Request.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("报告参数无法读取", e);
        }
        var report = data.of(r.user(), r.node(), r.evaluation(), progress::at);
        return r.pdf() ? pdf.write(report, progress::at) : word.write(report, progress::at);
    }
}
