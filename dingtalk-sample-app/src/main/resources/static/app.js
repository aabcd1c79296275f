'use strict';

(function () {
	const JSAPI_SCRIPT = 'https://g.alicdn.com/dingding/dingtalk-jsapi/2.10.3/dingtalk.open.js';
	const $ = (id) => document.getElementById(id);
	let mode = null;
	let me = null;
	let pollTimer = null;

	function csrfToken() {
		const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
		return match ? decodeURIComponent(match[1]) : '';
	}

	async function api(method, url, body) {
		const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
		if (method !== 'GET') {
			headers['X-XSRF-TOKEN'] = csrfToken();
		}
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
		}
		const response = await fetch(url, {
			method, headers, credentials: 'same-origin',
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		let data = null;
		try {
			data = text ? JSON.parse(text) : null;
		} catch (e) {
			data = { message: text };
		}
		if (!response.ok) {
			const error = new Error((data && (data.message || data.error)) || ('HTTP ' + response.status));
			error.status = response.status;
			throw error;
		}
		return data;
	}

	function el(tag, props, children) {
		const node = document.createElement(tag);
		Object.assign(node, props || {});
		(children || []).forEach((child) => node.append(child));
		return node;
	}

	function status(id, text, kind) {
		const node = $(id);
		node.textContent = text;
		node.className = 'status' + (kind ? ' ' + kind : '');
	}

	// --- login -------------------------------------------------------------------------------

	async function postCode(code) {
		await api('POST', mode.loginUrl, { code });
		await showMe();
	}

	async function demoLogin() {
		const userid = $('user-picker').value;
		status('login-status', '正在免登… Logging in…');
		try {
			const { code } = await api('POST', '/demo/auth-code?userid=' + encodeURIComponent(userid));
			await postCode(code);
		} catch (e) {
			status('login-status', '免登失败 Login failed: ' + e.message, 'error');
		}
	}

	function loadScript(src) {
		return new Promise((resolve, reject) => {
			const script = el('script', { src, onload: resolve, onerror: () => reject(new Error('cannot load ' + src)) });
			document.head.append(script);
		});
	}

	async function realLogin() {
		status('login-status', '正在通过钉钉免登… Logging in with DingTalk…');
		try {
			await loadScript(JSAPI_SCRIPT);
			const config = await showDdConfig();
			const dd = window.dd;
			dd.error((error) => status('login-status', 'dd.error: ' + JSON.stringify(error), 'error'));
			if (config) {
				dd.config(Object.assign({}, config, { jsApiList: ['runtime.permission.requestAuthCode', 'biz.contact.choose'] }));
			}
			dd.ready(() => {
				dd.runtime.permission.requestAuthCode({
					corpId: mode.corpId,
					onSuccess: (result) => postCode(result.code)
						.catch((e) => status('login-status', '免登失败 Login failed: ' + e.message, 'error')),
					onFail: (error) => status('login-status', 'requestAuthCode: ' + JSON.stringify(error), 'error')
				});
			});
		} catch (e) {
			status('login-status', '请在钉钉中打开 Open inside DingTalk: ' + e.message, 'error');
		}
	}

	async function logout() {
		try {
			await api('POST', '/logout');
		} catch (e) {
			// the session ends either way
		}
		window.location.reload();
	}

	// --- who am I ----------------------------------------------------------------------------

	async function showMe() {
		me = await api('GET', '/api/me');
		$('me-avatar').src = me.avatar || '';
		$('me-name').textContent = me.name;
		$('me-userid').textContent = me.userid;
		$('me-title').textContent = me.title || '';
		$('me-admin').hidden = !me.admin;
		$('me-boss').hidden = !me.boss;
		$('me-departments').replaceChildren(...(me.departments || [])
			.map((d) => el('span', { className: 'chip', textContent: d.name || String(d.id) })));
		$('me').hidden = false;
		$('workspace').hidden = false;
		$('logout-button').hidden = false;
		if (!$('notify-users').value) {
			$('notify-users').value = me.userid;
		}
		status('login-status', '已登录 Logged in as ' + me.name, 'ok');
		browse([{ id: 1, name: '全公司' }]);
		showDdConfig();
		startPolling();
	}

	// --- organisation ------------------------------------------------------------------------

	async function browse(path) {
		const current = path[path.length - 1];
		$('dept-path').replaceChildren(...path.map((dept, i) => {
			const link = el('a', { href: '#', textContent: dept.name });
			link.addEventListener('click', (event) => {
				event.preventDefault();
				browse(path.slice(0, i + 1));
			});
			return el('span', {}, [link, i < path.length - 1 ? ' / ' : '']);
		}));
		try {
			const [children, users] = await Promise.all([
				api('GET', '/api/departments/' + current.id + '/children'),
				api('GET', '/api/departments/' + current.id + '/users')]);
			$('dept-children').replaceChildren(...children.map((dept) => {
				const link = el('a', { href: '#', textContent: '▸ ' + dept.name });
				link.addEventListener('click', (event) => {
					event.preventDefault();
					browse(path.concat([{ id: dept.id, name: dept.name }]));
				});
				return el('li', {}, [link]);
			}));
			$('dept-users').replaceChildren(...users.map((user) => {
				const add = el('button', { type: 'button', className: 'link', textContent: '+ 接收人 add' });
				add.addEventListener('click', () => addReceiver(user.userid));
				return el('li', { className: 'user-row' }, [
					el('span', { textContent: user.name + ' ' }), el('small', { textContent: user.userid }), add]);
			}));
			if (!users.length) {
				$('dept-users').replaceChildren(el('li', { className: 'muted', textContent: '（无直属成员 no direct members）' }));
			}
		} catch (e) {
			$('dept-users').replaceChildren(el('li', { className: 'error', textContent: e.message }));
		}
	}

	function addReceiver(userid) {
		const ids = $('notify-users').value.split(',').map((s) => s.trim()).filter(Boolean);
		if (!ids.includes(userid)) {
			ids.push(userid);
		}
		$('notify-users').value = ids.join(',');
	}

	// --- notifications -----------------------------------------------------------------------

	function showFieldsForType() {
		const type = $('notify-type').value;
		document.querySelectorAll('#notify label[data-for]').forEach((label) => {
			label.hidden = !label.dataset.for.split(' ').includes(type);
		});
	}

	async function sendNotification() {
		const type = $('notify-type').value;
		const body = $('notify-text').value;
		const request = {
			userids: $('notify-users').value.split(',').map((s) => s.trim()).filter(Boolean),
			type
		};
		if (type === 'text') {
			request.content = body;
		} else if (type === 'markdown') {
			Object.assign(request, { title: $('notify-title').value, text: body });
		} else if (type === 'link') {
			Object.assign(request, { title: $('notify-title').value, text: body,
				messageUrl: $('notify-url').value, picUrl: $('notify-pic').value });
		} else {
			Object.assign(request, { title: $('notify-title').value, markdown: body,
				singleTitle: $('notify-button').value, singleUrl: $('notify-url').value });
		}
		status('notify-result', '发送中… Sending…');
		try {
			const task = await api('POST', '/api/notifications', request);
			status('notify-result', '已发送 Sent, task_id ' + task.taskId, 'ok');
			refreshInbox();
		} catch (e) {
			status('notify-result', '发送失败 Not sent: ' + e.message, 'error');
		}
	}

	// --- dd.config, inbox, events ------------------------------------------------------------

	async function showDdConfig() {
		const url = window.location.href.split('#')[0];
		try {
			const config = await api('GET', mode.jsapiConfigUrl + '?url=' + encodeURIComponent(url));
			$('ddconfig-json').textContent = 'url: ' + url + '\n' + JSON.stringify(config, null, 2);
			return config;
		} catch (e) {
			$('ddconfig-json').textContent = 'dd.config: ' + e.message;
			return null;
		}
	}

	function messageItem(head, text, time) {
		return el('li', {}, [el('div', { className: 'msg-head' }, [el('strong', { textContent: head }),
			el('small', { className: 'muted', textContent: time ? ' ' + new Date(time).toLocaleTimeString() : '' })]),
			el('div', { className: 'msg-text', textContent: text })]);
	}

	async function refreshInbox() {
		if (mode.mode !== 'demo' || !me) {
			return;
		}
		try {
			const items = await api('GET', '/demo/inbox');
			$('inbox-list').replaceChildren(...items.map((m) => messageItem(
				'[' + m.msgType + '] → ' + m.recipientNames.join('、') + (m.title ? ' · ' + m.title : ''), m.text, m.sentAt)));
			if (!items.length) {
				$('inbox-list').replaceChildren(el('li', { className: 'muted', textContent: '（空 empty）' }));
			}
		} catch (e) {
			// keep what is shown
		}
	}

	async function refreshEvents() {
		if (!mode.callbackEnabled || !me) {
			return;
		}
		try {
			const events = await api('GET', '/api/events');
			$('event-list').replaceChildren(...events.map((e) => messageItem(e.eventType, e.summary || JSON.stringify(e.payload), e.receivedAt)));
			if (!events.length) {
				$('event-list').replaceChildren(el('li', { className: 'muted', textContent: '（暂无事件 no events yet）' }));
			}
		} catch (e) {
			// keep what is shown
		}
	}

	async function simulateEvent() {
		try {
			await api('POST', '/demo/events');
			refreshEvents();
		} catch (e) {
			$('event-list').prepend(el('li', { className: 'error', textContent: e.message }));
		}
	}

	function startPolling() {
		refreshInbox();
		refreshEvents();
		if (!pollTimer) {
			pollTimer = setInterval(() => { refreshInbox(); refreshEvents(); }, 2000);
		}
	}

	// --- start -------------------------------------------------------------------------------

	async function start() {
		mode = await api('GET', '/api/mode');
		const demo = mode.mode === 'demo';
		$('mode-badge').textContent = demo ? '演示模式 demo mode' : '钉钉 DingTalk · ' + mode.corpId;
		$('mode-badge').classList.add(demo ? 'demo' : 'real');
		$('inbox').hidden = !demo;
		$('events').hidden = !mode.callbackEnabled;
		$('event-demo').hidden = !demo;
		$('notify-type').addEventListener('change', showFieldsForType);
		$('notify-send').addEventListener('click', sendNotification);
		$('simulate-event').addEventListener('click', simulateEvent);
		$('logout-button').addEventListener('click', logout);
		showFieldsForType();
		try {
			await showMe();
			if (demo) {
				$('demo-panel').hidden = false;
				await fillUserPicker();
			}
			return;
		} catch (e) {
			if (e.status !== 401) {
				status('login-status', e.message, 'error');
			}
		}
		if (demo) {
			$('demo-panel').hidden = false;
			await fillUserPicker();
		} else {
			$('real-panel').hidden = false;
			realLogin();
		}
	}

	async function fillUserPicker() {
		const users = await api('GET', '/demo/users');
		$('user-picker').replaceChildren(...users.map((u) => el('option', {
			value: u.userid, textContent: u.name + ' · ' + u.title + ' (' + u.userid + ')'
		})));
		if (!$('login-button').dataset.bound) {
			$('login-button').dataset.bound = 'true';
			$('login-button').addEventListener('click', demoLogin);
		}
	}

	start().catch((e) => status('login-status', e.message, 'error'));
})();
