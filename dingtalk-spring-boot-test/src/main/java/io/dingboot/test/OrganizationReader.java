package io.dingboot.test;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link FakeOrganization} from a YAML or JSON document. Keys may be written camelCase,
 * kebab-case or snake_case ({@code appKey}, {@code app-key}, {@code app_key}).
 */
final class OrganizationReader {

	private OrganizationReader() {
	}

	static FakeOrganization fromYaml(InputStream yaml) {
		Object document;
		try {
			document = new org.yaml.snakeyaml.Yaml().load(yaml);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Organisation YAML is not valid: " + ex.getMessage(), ex);
		}
		return read(document);
	}

	static FakeOrganization fromJson(InputStream json) {
		try {
			return read(JsonMapper.builder().build().readValue(json, Object.class));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Organisation JSON is not valid: " + ex.getOriginalMessage(), ex);
		}
	}

	static FakeOrganization read(Object document) {
		Map<String, Object> root = map(document, "organisation");
		FakeOrganization.Builder builder = FakeOrganization.builder();
		if (root.get("name") != null) {
			builder.name(text(root.get("name")));
		}
		if (root.get("app") != null) {
			Map<String, Object> app = map(root.get("app"), "app");
			builder.app(required(app, "appkey"), required(app, "appsecret"), required(app, "corpid"),
					required(app, "corpsecret"), number(required(app, "agentid")));
		}
		for (Object item : list(root.get("departments"))) {
			builder.department(department(map(item, "department")));
		}
		for (Object item : list(root.get("users"))) {
			builder.user(user(map(item, "user")));
		}
		return builder.build();
	}

	private static FakeDepartment department(Map<String, Object> department) {
		long id = number(required(department, "id"));
		String parent = text(department.get("parentid"));
		return new FakeDepartment(id, required(department, "name"),
				(id == FakeDepartment.ROOT_ID) ? null : Long.valueOf(parent != null ? number(parent) : 1L),
				department.containsKey("order") ? number(text(department.get("order"))) : id,
				flag(department, "createdeptgroup", true), flag(department, "autoadduser", true),
				text(department.get("sourceidentifier")));
	}

	private static FakeUser user(Map<String, Object> user) {
		FakeUser.Builder builder = FakeUser.builder(required(user, "userid"));
		for (Map.Entry<String, Object> entry : user.entrySet()) {
			Object value = entry.getValue();
			String text = text(value);
			switch (entry.getKey()) {
				case "userid" -> {
				}
				case "unionid" -> builder.unionid(text);
				case "name" -> builder.name(text);
				case "avatar" -> builder.avatar(text);
				case "statecode" -> builder.stateCode(text);
				case "manageruserid" -> builder.managerUserid(text);
				case "mobile" -> builder.mobile(text);
				case "hidemobile" -> builder.hideMobile(Boolean.parseBoolean(text));
				case "telephone" -> builder.telephone(text);
				case "jobnumber" -> builder.jobNumber(text);
				case "title" -> builder.title(text);
				case "email" -> builder.email(text);
				case "workplace" -> builder.workPlace(text);
				case "remark" -> builder.remark(text);
				case "loginid" -> builder.loginId(text);
				case "orgemail" -> builder.orgEmail(text);
				case "departments", "deptidlist" -> list(value).forEach((id) -> builder.departments(number(text(id))));
				case "leaderof", "leaderindepts" -> list(value).forEach((id) -> builder.leaderOf(number(text(id))));
				case "extension" -> builder.extension(text);
				case "hireddate" -> builder.hiredDate(number(text));
				case "active" -> builder.active(Boolean.parseBoolean(text));
				case "realauthed" -> builder.realAuthed(Boolean.parseBoolean(text));
				case "senior" -> builder.senior(Boolean.parseBoolean(text));
				case "admin" -> builder.admin(Boolean.parseBoolean(text));
				case "boss" -> builder.boss(Boolean.parseBoolean(text));
				case "roles", "rolelist" -> list(value).forEach((item) -> {
					Map<String, Object> role = map(item, "role");
					builder.role(number(required(role, "id")), required(role, "name"), text(role.get("groupname")));
				});
				default -> throw new IllegalArgumentException("Unknown user field '" + entry.getKey() + "'");
			}
		}
		return builder.build();
	}

	private static Map<String, Object> map(Object value, String what) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("Expected an object for " + what + ", got " + value);
		}
		Map<String, Object> normalised = new LinkedHashMap<>();
		map.forEach((key, item) -> normalised.put(normalise(String.valueOf(key)), item));
		return normalised;
	}

	private static String normalise(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	private static List<?> list(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list;
		}
		return List.of(value);
	}

	private static String required(Map<String, Object> map, String key) {
		String value = text(map.get(key));
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("Missing '" + key + "' in " + map.keySet());
		}
		return value;
	}

	private static boolean flag(Map<String, Object> map, String key, boolean fallback) {
		String value = text(map.get(key));
		return (value != null) ? Boolean.parseBoolean(value) : fallback;
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private static long number(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Expected a number, got '" + value + "'");
		}
	}

}
