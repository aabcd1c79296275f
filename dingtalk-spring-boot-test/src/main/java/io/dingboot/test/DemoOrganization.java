package io.dingboot.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The organisation behind {@link FakeOrganization#demo()}.
 */
final class DemoOrganization {

	private static final String[] COLOURS = { "#1677ff", "#13c2c2", "#52c41a", "#fa8c16", "#eb2f96", "#722ed1",
			"#2f54eb", "#faad14" };

	private DemoOrganization() {
	}

	static FakeOrganization create() {
		FakeOrganization.Builder org = FakeOrganization.builder().name("示例科技").app(FakeApp.demo());
		org.department(FakeDepartment.root("总部"));
		org.department(2, "研发部", 1).department(3, "市场部", 1).department(4, "财务部", 1).department(5, "前端组", 2);
		org.user(user(0, "manager01", "王总", "总经理").departments(1).boss(true).senior(true).build());
		org.user(user(1, "admin01", "管理员", "IT管理员").departments(1).admin(true).build());
		org.user(user(2, "zhangsan", "张三", "研发经理").leaderOf(2).managerUserid("manager01").build());
		org.user(user(3, "lisi", "李四", "后端工程师").departments(2).managerUserid("zhangsan").build());
		org.user(user(4, "wangwu", "王五", "前端工程师").leaderOf(5).managerUserid("zhangsan").build());
		org.user(user(5, "zhaoliu", "赵六", "市场经理").leaderOf(3).managerUserid("manager01").build());
		org.user(user(6, "sunqi", "孙七", "市场专员").departments(3).managerUserid("zhaoliu").build());
		org.user(user(7, "zhouba", "周八", "财务主管").leaderOf(4).managerUserid("manager01").build());
		return org.build();
	}

	private static FakeUser.Builder user(int index, String userid, String name, String title) {
		return FakeUser.builder(userid)
			.name(name)
			.title(title)
			.avatar(avatar(name, COLOURS[index % COLOURS.length]))
			.mobile("1380000000" + index)
			.email(userid + "@example.com")
			.jobNumber(String.format("E%04d", index + 1))
			.workPlace("杭州")
			.hiredDate(1609459200000L + index * 86_400_000L);
	}

	private static String avatar(String name, String colour) {
		String initial = name.substring(name.length() - 1);
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\">" + "<circle cx=\"48\" cy=\"48\" r=\"48\" fill=\""
				+ colour + "\"/><text x=\"48\" y=\"62\" font-size=\"40\" text-anchor=\"middle\" fill=\"#fff\">"
				+ initial + "</text></svg>";
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

}
