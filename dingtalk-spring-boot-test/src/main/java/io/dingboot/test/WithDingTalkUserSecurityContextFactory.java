package io.dingboot.test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dingboot.http.DingTalkJson;
import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.security.config.DingTalkLoginSettings;
import io.dingboot.user.User;
import io.dingboot.user.UserInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;
import org.springframework.util.StringUtils;

/**
 * Makes the security context of {@link WithDingTalkUser} the way DingBoot's
 * {@code DingTalkAuthenticationProvider} makes it on a real login: the {@code getuserinfo} answer
 * and, when details are fetched, the {@code user/get} answer, read with DingBoot's own JSON
 * mapping into a {@link DingTalkUser}, then mapped by the application's {@link DingTalkUserMapper}
 * (or the default one). The answers come from the {@link FakeDingTalk} bean's organisation without
 * calling it, or from the annotation's attributes.
 */
public final class WithDingTalkUserSecurityContextFactory
		implements WithSecurityContextFactory<WithDingTalkUser>, BeanFactoryAware {

	private @Nullable FakeDingTalk fake;

	private @Nullable DingTalkUserMapper userMapper;

	private boolean fetchUserDetails = DingTalkLoginSettings.DEFAULTS.fetchUserDetails();

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.fake = beanFactory.getBeanProvider(FakeDingTalk.class).getIfUnique();
		this.userMapper = beanFactory.getBeanProvider(DingTalkUserMapper.class).getIfUnique();
		DingTalkLoginSettings settings = beanFactory.getBeanProvider(DingTalkLoginSettings.class).getIfUnique();
		if (settings != null) {
			this.fetchUserDetails = settings.fetchUserDetails();
		}
	}

	@Override
	public SecurityContext createSecurityContext(WithDingTalkUser annotation) {
		String userid = annotation.value();
		if (!StringUtils.hasText(userid)) {
			throw new IllegalArgumentException("@WithDingTalkUser needs a userid");
		}
		DingTalkUser user = user(annotation);
		DingTalkUserMapper mapper = (this.userMapper != null) ? this.userMapper : DingTalkUserMapper.defaults();
		DingTalkAuthenticationToken authentication = mapper.map(user);
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new IllegalStateException("The application's DingTalkUserMapper refused " + userid);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		return context;
	}

	private DingTalkUser user(WithDingTalkUser annotation) {
		String app = annotation.app();
		boolean hosted = this.fake != null && this.fake.appNames().contains(app);
		if (this.fake != null && !hosted) {
			throw new IllegalStateException("@WithDingTalkUser(app = \"" + app + "\"): the fake hosts no such app "
					+ this.fake.appNames());
		}
		FakeOrganization organization = hosted ? this.fake.organizationOf(app) : null;
		String corpId = hosted ? this.fake.app(app).corpId() : null;
		FakeUser fakeUser = (organization != null) ? organization.user(annotation.value()).orElse(null) : null;
		if (fakeUser != null) {
			DingTalkUser user = DingTalkUser.of(app, corpId, read(UserViews.userInfo(fakeUser), UserInfo.class));
			return this.fetchUserDetails
					? user.withDetails(read(UserViews.detail(fakeUser, organization), User.class)) : user;
		}
		if (organization != null && annotation.name().isEmpty()) {
			throw new IllegalStateException("@WithDingTalkUser(\"" + annotation.value() + "\"): no such user in the "
					+ "fake organisation " + organization.users().stream().map(FakeUser::userid).toList()
					+ "; pick one of them, or set name() to log in someone the fake does not know");
		}
		return fromAttributes(annotation).withApp(app, corpId);
	}

	private DingTalkUser fromAttributes(WithDingTalkUser annotation) {
		String name = annotation.name().isEmpty() ? null : annotation.name();
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("userid", annotation.value());
		info.put("name", name);
		info.put("sys", annotation.admin());
		info.put("sys_level", annotation.admin() ? 1 : 0);
		DingTalkUser user = DingTalkUser.of(read(info, UserInfo.class));
		if (!this.fetchUserDetails) {
			return user;
		}
		List<Long> deptIds = Arrays.stream(annotation.deptIds()).boxed().toList();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("userid", annotation.value());
		details.put("name", name);
		details.put("title", annotation.title().isEmpty() ? null : annotation.title());
		details.put("dept_id_list", deptIds);
		details.put("admin", annotation.admin());
		return user.withDetails(read(details, User.class));
	}

	private static <T> T read(Map<String, Object> answer, Class<T> type) {
		return DingTalkJson.mapper().convertValue(answer, type);
	}

}
