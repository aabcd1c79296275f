package io.dingboot.test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FakeOrganizationTests {

	@Test
	void demoHasChineseDepartmentsUsersAdminBossAndDemoApp() {
		FakeOrganization demo = FakeOrganization.demo();
		assertThat(demo.departments()).extracting(FakeDepartment::name)
			.containsExactly("总部", "研发部", "市场部", "财务部", "前端组");
		assertThat(demo.users()).hasSize(8);
		assertThat(demo.admins()).extracting(FakeUser::name).containsExactly("管理员");
		assertThat(demo.users()).filteredOn(FakeUser::boss).extracting(FakeUser::userid).containsExactly("manager01");
		assertThat(demo.users()).allSatisfy((user) -> {
			assertThat(user.avatar()).startsWith("data:image/svg+xml;base64,");
			assertThat(user.title()).isNotBlank();
		});
		assertThat(demo.app()).isEqualTo(new FakeApp("dingdemoappkey", "demo-app-secret", "dingdemocorp",
				"demo-corp-secret", 100001L));
		assertThat(demo.subtree(2)).containsExactly(2L, 5L);
	}

	@Test
	void fromYamlReadsAppDepartmentsAndUsers() throws Exception {
		try (InputStream yaml = getClass().getResourceAsStream("org.yml")) {
			assertTestOrganization(FakeOrganization.fromYaml(yaml));
		}
	}

	@Test
	void fromJsonReadsTheSameLayout() throws Exception {
		try (InputStream json = getClass().getResourceAsStream("org.json")) {
			assertTestOrganization(FakeOrganization.fromJson(json));
		}
	}

	private static void assertTestOrganization(FakeOrganization organization) {
		assertThat(organization.name()).isEqualTo("测试公司");
		assertThat(organization.app()).isEqualTo(
				new FakeApp("dingtestkey", "test-secret", "dingtestcorp", "test-corp-secret", 42L));
		assertThat(organization.department(1)).hasValueSatisfying((root) -> assertThat(root.name()).isEqualTo("测试公司"));
		assertThat(organization.children(10)).extracting(FakeDepartment::name).containsExactly("测试组");
		FakeUser alice = organization.user("alice").orElseThrow();
		assertThat(alice.admin()).isTrue();
		assertThat(alice.leaderInDepts()).containsExactly(10L);
		FakeUser bob = organization.user("bob").orElseThrow();
		assertThat(bob.deptIds()).containsExactly(11L);
		assertThat(bob.roles()).containsExactly(new FakeUser.Role(7, "测试", "职务"));
	}

	@Test
	void unknownUserFieldIsRejected() {
		InputStream yaml = new ByteArrayInputStream("users: [{userid: a, nickname: x}]".getBytes(StandardCharsets.UTF_8));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeOrganization.fromYaml(yaml))
			.withMessageContaining("nickname");
	}

	@Test
	void departmentWithUnknownParentIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeOrganization.builder().department(3, "孤儿", 2).build())
			.withMessageContaining("unknown parent 2");
	}

	@Test
	void userInUnknownDepartmentIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeOrganization.builder().user(FakeUser.builder("a").departments(9).build()).build())
			.withMessageContaining("unknown department 9");
	}

	@Test
	void duplicateUseridIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeOrganization.builder()
			.user(FakeUser.builder("a").build())
			.user(FakeUser.builder("a").build()));
	}

	@Test
	void appToStringHidesSecrets() {
		assertThat(FakeApp.demo().toString()).doesNotContain("demo-app-secret").doesNotContain("demo-corp-secret");
	}

}
