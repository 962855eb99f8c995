package cn.zugong.audit.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The trail for the security auditor's tools: same filters as the page; 403 for everyone else. */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {

    private final AuditQueries queries;
    private final AuditChain chain;
    private final AuditController pages;

    AuditApiController(AuditQueries queries, AuditChain chain, AuditController pages) {
        this.queries = queries;
        this.chain = chain;
        this.pages = pages;
    }

    @GetMapping
    PageResult<AuditRecord> entries(@ModelAttribute AuditFilter filter, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size, CurrentUser user) {
        AuditorAccess.require(user);
        return queries.page(filter, PageResult.clampPage(page), PageResult.clampSize(size));
    }

    @GetMapping("/verify")
    AuditChain.Verification verify(CurrentUser user) {
        AuditorAccess.require(user);
        return chain.verify();
    }

    @GetMapping("/export.xlsx")
    void export(@ModelAttribute AuditFilter filter, CurrentUser user, HttpServletResponse response)
            throws IOException {
        pages.writeExport(filter, user, response);
    }
}
