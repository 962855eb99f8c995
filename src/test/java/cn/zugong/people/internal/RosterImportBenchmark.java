package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Import (and export) timing of an N-row file through the API: {@code bench/run.sh import --rows N}.
 * Tagged "bench", so the normal test run leaves it out.
 */
@Tag("bench")
@IntegrationTest
class RosterImportBenchmark {

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;

    @Test
    void importRows() throws Exception {
        RosterTestData.ensure(orgBuilder, tree, accounts);
        int rows = Integer.getInteger("bench.rows", 10_000);
        // region 120101 + birth dates spread by n/400 keep up to 50,000 ID numbers distinct
        var people = RosterFiles.people(RosterTestData.BIG_UNIT, "120101", rows);
        byte[] file = RosterFiles.xlsx(people);
        var auth = httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD);
        // warm-up: the first POI use in a JVM pays for class loading (XMLBeans, SAX), not for rows
        mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "warm.xlsx", null,
                RosterFiles.xlsx(RosterFiles.people(RosterTestData.BIG_UNIT, "120102", 200))))
                .with(auth)).andExpect(status().isOk());
        long start = System.nanoTime();
        mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "bench.xlsx", null, file))
                        .with(auth))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(rows));
        long importMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        byte[] export = mvc.perform(get("/api/people/export.xlsx").with(auth)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        long exportMs = (System.nanoTime() - start) / 1_000_000;
        // the same people again, each promoted from a day in the past: a sequenced update per person (ADR 050)
        people.forEach(p -> p.put("职级*", "四级调研员"));
        byte[] changed = RosterFiles.xlsx(people);
        start = System.nanoTime();
        mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "changed.xlsx", null, changed))
                        .param("effectiveDate", "2026-09-01").with(auth))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(rows));
        long updateMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("import rows=" + rows + " ms=" + importMs + " bytes=" + file.length);
        System.out.println("update rows=" + rows + " ms=" + updateMs + " (sequenced update from a past 生效日期)");
        System.out.println("export ms=" + exportMs + " bytes=" + export.length);
        assertThat(export.length).isPositive();
    }
}
