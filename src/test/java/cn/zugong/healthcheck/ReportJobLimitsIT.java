package cn.zugong.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.HeldReports;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.org.OrgTree;
import cn.zugong.report.ReportJobs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * One user cannot fill the report workers: each user has at most one report generating and one waiting,
 * the whole queue is bounded, and a refusal is a 429 with a Chinese message, not audited as an export.
 * The workers are held busy by jobs that wait for a latch, so nothing here depends on how fast a PDF is.
 */
@IntegrationTest
class ReportJobLimitsIT {

    // application.yml, zugong.reports: 2 workers, 2 jobs per user (1 generating + 1 waiting), 8 waiting in all
    static final int WORKERS = 2;
    static final int QUEUE = 8;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;
    @Autowired ReportJobs jobs;
    @Autowired HeldReports heldReports;

    String gate;
    final List<String[]> held = new ArrayList<>(); // {job id, owner}
    long evaluation;

    @BeforeEach
    void demo() {
        gate = heldReports.gate();
        evaluation = jdbc.sql("select max(id) from indicator_evaluation where created_by = 'demo' and status = 'DONE'")
                .query(Long.class).single();
    }

    @AfterEach
    void releaseWorkers() throws Exception {
        heldReports.open(gate);
        for (String[] job : held) {
            waitFor(job[0], job[1]);
        }
    }

    /** A job of {@code owner} that occupies a worker (or a queue place) until the test releases it. */
    private void hold(String owner) {
        String id = jobs.submit(owner, HeldReports.KIND, gate, "占位", "held.pdf", "application/pdf");
        held.add(new String[] {id, owner});
    }

    /** Starts a report through the page; an accepted job is awaited after the test, so the next starts empty. */
    private MvcResult start(String user, long node) throws Exception {
        MvcResult r = mvc.perform(post("/healthcheck/nodes/" + node + "/reports").param("format", "pdf")
                .param("evaluation", String.valueOf(evaluation)).with(csrf()).with(users.page(user))).andReturn();
        String url = r.getResponse().getRedirectedUrl();
        if (url != null) {
            held.add(new String[] {url.substring(url.lastIndexOf('/') + 1), user});
        }
        return r;
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'healthcheck-report'").query(Long.class).single();
    }

    private void waitFor(String id, String owner) throws InterruptedException {
        for (int i = 0; i < 600 && jobs.find(id, owner).orElseThrow().status() == ReportJobs.Status.RUNNING; i++) {
            Thread.sleep(100);
        }
        assertThat(jobs.find(id, owner).orElseThrow().status()).isNotEqualTo(ReportJobs.Status.RUNNING);
    }

    @Test
    void aUserGetsOneReportGeneratingAndOneWaitingAndOthersStillGetTheirs() throws Exception {
        long dinghai = tree.byCode("330902").orElseThrow().id();
        long putuo = tree.byCode("330903").orElseThrow().id();
        for (int i = 0; i < WORKERS; i++) {
            hold("holder-" + i);
        }
        long exportsBefore = exports();

        List<String> accepted = new ArrayList<>();
        List<MvcResult> refused = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // the probe's 8 PDFs in a row
            MvcResult r = start("dinghai", dinghai);
            if (r.getResponse().getStatus() == 302) {
                accepted.add(r.getResponse().getRedirectedUrl());
            } else {
                refused.add(r);
            }
        }
        assertThat(accepted).hasSize(2);
        assertThat(refused).hasSize(6).allSatisfy(r -> {
            assertThat(r.getResponse().getStatus()).isEqualTo(429);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("您已有报告正在生成，请稍候");
        });
        assertThat(exports()).isEqualTo(exportsBefore + 2); // refusals are not exports
        String waiting = mvc.perform(get(accepted.get(0)).with(users.page("dinghai"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(waiting).contains("排队中");

        MvcResult other = start("putuo", putuo);
        assertThat(other.getResponse().getStatus()).isEqualTo(302);
        assertThat(exports()).isEqualTo(exportsBefore + 3);

        heldReports.open(gate);
        for (String url : accepted) {
            waitFor(url.substring(url.lastIndexOf('/') + 1), "dinghai");
        }
        assertThat(start("dinghai", dinghai).getResponse().getStatus()).isEqualTo(302); // free again once done
    }

    @Test
    void theWholeQueueIsBoundedSoNobodyCanSaturateTheMachine() throws Exception {
        for (int i = 0; i < WORKERS + QUEUE; i++) {
            hold("holder-" + i); // distinct owners: each within the per-user limit
        }
        long exportsBefore = exports();
        long city = tree.byCode("3309").orElseThrow().id();
        MvcResult full = start("admin", city);
        assertThat(full.getResponse().getStatus()).isEqualTo(429);
        assertThat(full.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("报告生成任务繁忙，请稍后再试");
        assertThat(exports()).isEqualTo(exportsBefore);
    }
}
