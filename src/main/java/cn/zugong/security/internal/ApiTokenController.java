package cn.zugong.security.internal;

import cn.zugong.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens (ADR 048): {@code POST /api/tokens} with the account's password (HTTP Basic, or the form fields
 * {@code username} and {@code password}) issues one; a caller revokes its own tokens. The system administrator
 * ends another account's tokens by disabling it or resetting its password (三员: account officers manage accounts,
 * nobody reaches into another account's tokens).
 */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** A token buys its holder no new token: else a stolen one would keep itself alive for ever. */
    @PostMapping
    ResponseEntity<Map<String, Object>> issue(Authentication authentication, CurrentUser user,
                                              HttpServletRequest request) {
        if (authentication instanceof ApiTokenAuthentication) {
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("status", 401);
            refused.put("error", "申请令牌须提供用户名和密码，不能用令牌申请令牌");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(refused);
        }
        ApiTokens.Issued issued = tokens.issue(user, request.getRemoteAddr());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn());
        body.put("expires_at", issued.expiresAt().toString());
        body.put("jti", issued.jti());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @DeleteMapping("/{jti}")
    ResponseEntity<Void> revoke(@PathVariable String jti, CurrentUser user) {
        tokens.revoke(user, jti);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/revoke-all")
    Map<String, Object> revokeAll(CurrentUser user) {
        return Map.of("revoked", tokens.revokeAll(user));
    }
}
