package io.dingboot.autoconfigure;

import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.card.CardApi;
import io.dingboot.department.DepartmentApi;
import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkClient;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.media.MediaApi;
import io.dingboot.robot.AppRobotApi;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.user.UserApi;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The app {@value DingTalkApps#DEFAULT} in {@link DingTalkApps}: the single-app beans
 * ({@link DingTalkClient}, {@link DingTalkApiClient}, {@link UserApi}, ...), looked up when first asked for, so that
 * {@code apps.get("default").users()} is the {@code UserApi} bean the application injects,
 * an application's own replacement included.
 */
final class DefaultDingTalkApp implements DingTalkApp {

	private final DingTalkProperties properties;

	private final ListableBeanFactory beanFactory;

	DefaultDingTalkApp(DingTalkProperties properties, ListableBeanFactory beanFactory) {
		this.properties = properties;
		this.beanFactory = beanFactory;
	}

	@Override
	public String name() {
		return DingTalkApps.DEFAULT;
	}

	@Override
	public @Nullable String appKey() {
		return this.properties.getAppKey();
	}

	@Override
	public @Nullable String corpId() {
		return this.properties.getCorpId();
	}

	@Override
	public @Nullable Long agentId() {
		return this.properties.getAgentId();
	}

	@Override
	public @Nullable String robotCode() {
		return this.properties.getRobotCode();
	}

	@Override
	public DingTalkClient client() {
		return bean(DingTalkClient.class);
	}

	@Override
	public DingTalkApiClient apiClient() {
		return bean(DingTalkApiClient.class);
	}

	@Override
	public AppRobotApi robot() {
		return bean(AppRobotApi.class);
	}

	@Override
	public CardApi cards() {
		return bean(CardApi.class);
	}

	@Override
	public UserApi users() {
		return bean(UserApi.class);
	}

	@Override
	public DepartmentApi departments() {
		return bean(DepartmentApi.class);
	}

	@Override
	public WorkNotificationApi workNotifications() {
		return bean(WorkNotificationApi.class);
	}

	@Override
	public MediaApi media() {
		return bean(MediaApi.class);
	}

	@Override
	public JsapiTicketProvider jsapiTickets() {
		return bean(JsapiTicketProvider.class);
	}

	@Override
	public JsapiSigner jsapiSigner() {
		return bean(JsapiSigner.class);
	}

	private <T> T bean(Class<T> type) {
		ObjectProvider<T> provider = this.beanFactory.getBeanProvider(type);
		return provider.getObject();
	}

	@Override
	public String toString() {
		return "DingTalkApp{name=default, appKey=" + this.properties.getAppKey() + ", corpId="
				+ this.properties.getCorpId() + ", agentId=" + this.properties.getAgentId() + "}";
	}

}
