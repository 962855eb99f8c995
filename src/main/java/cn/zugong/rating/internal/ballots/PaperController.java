package cn.zugong.rating.internal.ballots;

import cn.zugong.rating.internal.ballots.PaperBallots.PaperCampaign;
import cn.zugong.rating.internal.ballots.PaperBallots.PaperResult;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.SheetUploads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * 纸质评议票录入 of a campaign (ADR 067): the page with the template downloads and the upload form, the template
 * itself (whole scope or one village) and the same import as JSON for scripts. ADMIN of a scope holding the
 * campaign's node or inside it; everyone else 404 (outside) or 403 (another role).
 */
@Controller
class PaperController {

    static final String PAGE = "/ratings/evaluation/{campaignId}/paper";
    static final String API = "/api/ratings/evaluation/{campaignId}/paper";

    private final PaperBallots paper;

    PaperController(PaperBallots paper) {
        this.paper = paper;
    }

    @GetMapping(PAGE)
    String page(@PathVariable long campaignId, CurrentUser user, Model model) {
        PaperCampaign c = paper.campaign(campaignId, user);
        fill(c, user, model);
        return "rating/ballots/paper";
    }

    @PostMapping(PAGE)
    String upload(@PathVariable long campaignId, @RequestParam(required = false) MultipartFile file, CurrentUser user,
                  Model model, HttpServletResponse response) {
        PaperCampaign c = paper.campaign(campaignId, user);
        SheetUploads.handle(file, model, response, (in, name) -> paper.run(c, in, name, user), PaperResult::ok);
        fill(c, user, model);
        return "rating/ballots/paper";
    }

    @GetMapping(PAGE + "/template.xlsx")
    void template(@PathVariable long campaignId, @RequestParam(required = false) Long village, CurrentUser user,
                  HttpServletResponse response) throws IOException {
        PaperCampaign c = paper.campaign(campaignId, user);
        String name = "纸质评议票-" + c.name() + (village == null ? "" : "-" + village) + ".xlsx";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        paper.template(c, village, user, out);
        Downloads.prepare(response, name, "paper-ballots-" + c.id() + ".xlsx", Downloads.XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        out.writeTo(response.getOutputStream());
    }

    /** JSON: 200 {rows, raters, ballots}; 422 {errors: [{row, column, header, message}], errorCount}; 400 file. */
    @PostMapping(API)
    @ResponseBody
    ResponseEntity<Map<String, Object>> api(@PathVariable long campaignId,
                                            @RequestParam(required = false) MultipartFile file, CurrentUser user) {
        PaperCampaign c = paper.campaign(campaignId, user);
        Map<String, Object> body = new LinkedHashMap<>();
        PaperResult result;
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            result = paper.run(c, in, file == null ? null : file.getOriginalFilename(), user);
        } catch (SheetException e) {
            body.put("status", 400);
            body.put("error", file == null || file.isEmpty() ? "请选择要上传的 .xlsx 文件（文件不能为空）" : e.getMessage());
            return ResponseEntity.badRequest().body(body);
        } catch (IOException e) {
            body.put("status", 400);
            body.put("error", "读取上传文件失败，请重新上传");
            return ResponseEntity.badRequest().body(body);
        }
        body.put("rows", result.rows());
        if (result.ok()) {
            body.put("raters", result.raters());
            body.put("ballots", result.ballots());
            return ResponseEntity.ok(body);
        }
        body.put("status", 422);
        body.put("error", "文件有 " + result.errorCount() + " 处错误，未导入任何数据");
        body.put("errorCount", result.errorCount());
        body.put("errors", result.errors().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", e.row());
            m.put("column", e.column());
            m.put("header", e.header());
            m.put("message", e.message());
            m.put("text", e.text());
            return m;
        }).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(body);
    }

    private void fill(PaperCampaign c, CurrentUser user, Model model) {
        model.addAttribute("campaign", c);
        model.addAttribute("villages", paper.villages(c, user));
        model.addAttribute("batches", paper.batches(c));
        model.addAttribute("maxErrors", PaperBallots.MAX_ERRORS);
    }
}
