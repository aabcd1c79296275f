package io.dingboot.test;

import java.util.List;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.security.config.DingTalkLoginSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link WithDingTalkUserSecurityContextFactory} on its own: from a fake's organisation, from the
 * annotation's attributes, with and without details.
 */
class WithDingTalkUserSecurityContextFactoryTests {

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension();

	private static DingTalkAuthenticationToken authenticate(WithDingTalkUserSecurityContextFactory factory,
			String method) {
		try {
			WithDingTalkUser annotation = WithDingTalkUserSecurityContextFactoryTests.class.getDeclaredMethod(method)
				.getAnnotation(WithDingTalkUser.class);
			return (DingTalkAuthenticationToken) factory.createSecurityContext(annotation).getAuthentication();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WithDingTalkUserSecurityContextFactory factory(Object... beans) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		for (int i = 0; i < beans.length; i++) {
			beanFactory.registerSingleton("bean" + i, beans[i]);
		}
		WithDingTalkUserSecurityContextFactory factory = new WithDingTalkUserSecurityContextFactory();
		factory.setBeanFactory(beanFactory);
		return factory;
	}

	@Test
	void userOfTheFakeWithDetails() {
		DingTalkAuthenticationToken token = authenticate(factory(dingTalk.get()), "zhangsan");
		DingTalkUser user = token.getDingTalkUser();
		assertThat(token.getName()).isEqualTo("zhangsan");
		assertThat(token.isAuthenticated()).isTrue();
		assertThat(token.getCredentials()).isNull();
		assertThat(token.getPrincipal()).isSameAs(user);
		assertThat(user.getDisplayName()).isEqualTo("张三");
		assertThat(user.isDetailsFetched()).isTrue();
		assertThat(user.getDeptIds()).containsExactly(2L);
		assertThat(user.getTitle()).isEqualTo("研发经理");
		assertThat(user.isLeader()).isTrue();
		assertThat(user.getUnionid()).isEqualTo(dingTalk.get().organization().user("zhangsan").get().unionid());
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly(DingTalkUserMapper.ROLE_DINGTALK_USER);
		assertThat(dingTalk.get().callCount("/topapi/v2/user/getuserinfo")).isZero();
	}

	@Test
	void bossAndAdminFlagsFollowFreeLogin() {
		DingTalkUser boss = authenticate(factory(dingTalk.get()), "manager01").getDingTalkUser();
		assertThat(boss.isBoss()).isTrue();
		assertThat(boss.getAdminLevel()).isEqualTo(100);
		DingTalkAuthenticationToken admin = authenticate(factory(dingTalk.get()), "admin01");
		assertThat(admin.getDingTalkUser().getAdminLevel()).isEqualTo(1);
		assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly(DingTalkUserMapper.ROLE_DINGTALK_USER, DingTalkUserMapper.ROLE_DINGTALK_ADMIN);
	}

	@Test
	void withoutDetailsOnlyWhatGetuserinfoSays() {
		DingTalkUser user = authenticate(factory(dingTalk.get(), new DingTalkLoginSettings("/login/dingtalk", false)),
				"zhangsan")
			.getDingTalkUser();
		assertThat(user.isDetailsFetched()).isFalse();
		assertThat(user.getDisplayName()).isEqualTo("张三");
		assertThat(user.getDeptIds()).isEmpty();
	}

	@Test
	void withoutAFakeTheAttributesMakeTheUser() {
		DingTalkAuthenticationToken token = authenticate(factory(), "attributes");
		DingTalkUser user = token.getDingTalkUser();
		assertThat(token.getName()).isEqualTo("alice");
		assertThat(user.getDisplayName()).isEqualTo("爱丽丝");
		assertThat(user.isAdmin()).isTrue();
		assertThat(user.getAdminLevel()).isEqualTo(1);
		assertThat(user.getDeptIds()).containsExactly(10L, 11L);
		assertThat(user.getTitle()).isEqualTo("研发经理");
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly(DingTalkUserMapper.ROLE_DINGTALK_USER, DingTalkUserMapper.ROLE_DINGTALK_ADMIN);
	}

	@Test
	void applicationsMapperIsUsed() {
		DingTalkUserMapper mapper = (user) -> DingTalkAuthenticationToken.authenticated(user, "account-" + user.getUserid(),
				List.of());
		DingTalkAuthenticationToken token = authenticate(factory(dingTalk.get(), mapper), "zhangsan");
		assertThat(token.getPrincipal()).isEqualTo("account-zhangsan");
		assertThat(token.getAuthorities()).isEmpty();
	}

	@Test
	void userTheFakeDoesNotKnowNamesTheKnownOnes() {
		assertThatIllegalStateException().isThrownBy(() -> authenticate(factory(dingTalk.get()), "typo"))
			.withMessageContaining("zhangsna")
			.withMessageContaining("zhangsan");
	}

	@Test
	void userOfTheDefaultAppCarriesItsNameAndCorpIdAsAfterARealLogin() {
		DingTalkUser user = authenticate(factory(dingTalk.get()), "zhangsan").getDingTalkUser();
		assertThat(user.getAppName()).isEqualTo("default");
		assertThat(user.getCorpId()).isEqualTo("dingdemocorp");
	}

	@Test
	void userOfANamedAppComesFromThatAppsOrganisation() {
		FakeOrganization branch = FakeOrganization.builder()
			.app("dingbranchappkey", "branch-app-secret", "dingbranchcorp", "branch-corp-secret", 300001L)
			.user(FakeUser.builder("chenliu").name("陈六").departments(1).build())
			.build();
		FakeDingTalk fake = FakeDingTalk.builder().app("branch", branch).build();
		DingTalkUser user = authenticate(factory(fake), "branchUser").getDingTalkUser();
		assertThat(user.getAppName()).isEqualTo("branch");
		assertThat(user.getCorpId()).isEqualTo("dingbranchcorp");
		assertThat(user.getDisplayName()).isEqualTo("陈六");
		assertThatIllegalStateException().isThrownBy(() -> authenticate(factory(fake), "unknownApp"))
			.withMessage("@WithDingTalkUser(app = \"oa\"): the fake hosts no such app [default, branch]");
	}

	@WithDingTalkUser(value = "chenliu", app = "branch")
	void branchUser() {
	}

	@WithDingTalkUser(value = "zhangsan", app = "oa")
	void unknownApp() {
	}

	@WithDingTalkUser("zhangsan")
	void zhangsan() {
	}

	@WithDingTalkUser("manager01")
	void manager01() {
	}

	@WithDingTalkUser("admin01")
	void admin01() {
	}

	@WithDingTalkUser(value = "alice", name = "爱丽丝", admin = true, deptIds = { 10, 11 }, title = "研发经理")
	void attributes() {
	}

	@WithDingTalkUser("zhangsna")
	void typo() {
	}

}
