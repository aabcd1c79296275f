package io.dingboot.test;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's own endpoints behind DingTalk free login: who is logged in, and a write that
 * needs the CSRF token.
 */
@RestController
class ProfileController {

	@GetMapping("/api/me")
	Map<String, Object> me(DingTalkAuthenticationToken authentication) {
		DingTalkUser user = authentication.getDingTalkUser();
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("userid", authentication.getName());
		me.put("name", user.getDisplayName());
		me.put("admin", user.isAdmin());
		me.put("title", user.getTitle());
		me.put("deptIds", user.getDeptIds());
		me.put("leader", user.isLeader());
		me.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		return me;
	}

	@PostMapping("/api/notes")
	Map<String, Object> note(@AuthenticationPrincipal DingTalkUser user, @RequestBody Map<String, String> note) {
		return Map.of("by", user.getDisplayName(), "text", note.get("text"));
	}

}
