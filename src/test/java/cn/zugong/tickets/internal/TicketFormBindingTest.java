package cn.zugong.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.zugong.closure.ClosurePages;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalation;
import cn.zugong.closure.Escalations;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.tickets.NewTicket;
import cn.zugong.tickets.TicketSource;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The ticket form's binding and errors on the web layer alone (no database, no other module): the request record
 * {@link NewTicket} is bound with the one trimming binder, its Bean Validation messages come back beside the fields
 * with 400, and the service is never called with a refused form; a good form reaches the service trimmed.
 */
@WebMvcTest(TicketController.class)
// the startup gate (a servlet filter, so part of the slice) asks whether the node accepts traffic
@ImportAutoConfiguration(ApplicationAvailabilityAutoConfiguration.class)
class TicketFormBindingTest {

    @Autowired MockMvc mvc;

    @MockitoBean TicketService tickets;
    @MockitoBean TicketCategories categories;
    @MockitoBean TicketFigures figures;
    @MockitoBean TicketFiguresExcel excel;
    @MockitoBean Escalations escalations;
    @MockitoBean ClosurePages pages;
    @MockitoBean OrgTree tree;
    @MockitoBean Clock clock;
    @MockitoBean VisitLine visitLine;

    static final CurrentUser OFFICER = new CurrentUser(7, "dinghai", "定海区委组织部", Role.ADMIN,
            new OrgScope(2, "/1/2/"), "定海区");

    static RequestPostProcessor officer() {
        CurrentUser.Holder principal = () -> OFFICER;
        return authentication(new TestingAuthenticationToken(principal, null, "ROLE_ADMIN"));
    }

    @Test
    void refusedFieldsComeBackBesideTheFieldsAndNothingReachesTheService() throws Exception {
        mvc.perform(post("/tickets/new").with(officer()).with(csrf())
                        .param("category", "POLICY").param("source", "HOTLINE").param("unitId", "12")
                        .param("title", "标".repeat(201)).param("description", "   ")
                        .param("requesterPhone", "电话号码"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("tickets/form"))
                .andExpect(model().attributeHasFieldErrorCode("in", "description", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("in", "title", "Size"))
                .andExpect(model().attributeHasFieldErrorCode("in", "requesterPhone", "Pattern"))
                .andExpect(model().attributeErrorCount("in", 3))
                .andExpect(content().string(containsString("请填写问题描述")))
                .andExpect(content().string(containsString("value=\"电话号码\"")));
        verify(tickets, never()).raise(any(), anyList(), any());
    }

    @Test
    void aGoodFormReachesTheServiceTrimmedWithBlanksAsAbsent() throws Exception {
        when(tickets.raise(any(), anyList(), any())).thenReturn(registered(41L, "WT2026-000041"));

        mvc.perform(post("/tickets/new").with(officer()).with(csrf())
                        .param("category", " POLICY ").param("source", "HOTLINE").param("unitId", "12")
                        .param("title", "").param("description", "  校车线路调整后学生上学不便  ")
                        .param("requesterName", "  张老师 ").param("requesterPhone", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tickets/41"));

        ArgumentCaptor<NewTicket> raised = ArgumentCaptor.forClass(NewTicket.class);
        verify(tickets).raise(raised.capture(), anyList(), any());
        assertThat(raised.getValue()).isEqualTo(new NewTicket("POLICY", "HOTLINE", null, 12L, null,
                "校车线路调整后学生上学不便", "张老师", null, null, null));
    }

    private static Ticket registered(long itemId, String number) {
        return new Ticket(itemId, number, "POLICY", "政策咨询", TicketSource.HOTLINE, null, "校车", "校车", null, null, 12,
                "dinghai", "定海区委组织部", null, null, null, 12, "模块测试学校", "/1/2/12/", ClosureStatus.REGISTERED,
                null, null, Escalation.NONE, null, null, null, null, null, false, 0);
    }
}
