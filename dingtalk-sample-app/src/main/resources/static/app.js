'use strict';

(function () {
	const JSAPI_SCRIPT = 'https://g.alicdn.com/dingding/dingtalk-jsapi/2.10.3/dingtalk.open.js';
	const $ = (id) => document.getElementById(id);
	let mode = null;
	let me = null;
	let pollTimer = null;

	async function api(method, url, body) {
		const answer = await SampleHttp.send(method, url, body);
		if (!answer.ok) {
			throw apiError(answer.status, answer.data);
		}
		return answer.data;
	}

	// --- errors: Chinese first, then English, never an API path ----------------------------------

	// the error codes DingBoot's own endpoints answer (login, dd.config, the 401 entry point) and the sample's
	const ERROR_TEXTS = {
		unauthenticated: ['请先通过钉钉免登', 'Log in with DingTalk first'],
		invalid_code: ['免登码无效、已使用或已过期，请重新免登', 'The free-login code is unknown, used or expired; log in again'],
		login_refused: ['应用不接受这位钉钉用户', 'The application does not accept this DingTalk user'],
		login_failed: ['登录未能完成', 'The login could not be completed'],
		dingtalk_throttled: ['钉钉正在限制本应用的调用频率，请稍后再试', 'DingTalk is throttling this app; try again shortly'],
		dingtalk_unavailable: ['暂时无法连接钉钉，请稍后再试', 'DingTalk cannot be reached; try again later'],
		dingtalk_error: ['钉钉拒绝了这次调用', 'DingTalk refused the call'],
		invalid_request: ['请求无效', 'The request is invalid'],
		invalid_url: ['页面地址无效，无法签名', 'The page URL cannot be signed'],
		origin_not_allowed: ['服务器不为这个页面地址签名', 'This server does not sign pages of this origin'],
		unknown_user: ['没有这个示例成员', 'There is no such demo user'],
		callback_disabled: ['事件回调未开启', 'Callbacks are off'],
		not_found: ['找不到请求的内容', 'Not found']
	};

	const STATUS_TEXTS = {
		400: ['请求无效', 'The request is invalid'],
		401: ['请先通过钉钉免登', 'Log in with DingTalk first'],
		403: ['请求被拒绝，请刷新页面后重试', 'Forbidden: reload the page and try again'],
		404: ['找不到请求的内容', 'Not found'],
		409: ['当前状态下无法完成', 'Not possible in the current state']
	};

	// DingBoot's messages name the API path ("/topapi/v2/user/get: ..."); a person needs none of it
	function withoutApiPaths(text) {
		return String(text)
			.replace(/DingTalk \/[^\s:]+ failed: /g, 'DingTalk: ')
			.replace(/(^|\s)\/(?:topapi|v1\.0|gettoken|get_jsapi_ticket|user|department|media|message|api|demo)\/?[^\s:]*:?\s*/g, '$1')
			.trim();
	}

	function apiError(status, data) {
		data = (data && typeof data === 'object') ? data : {};
		let zh;
		let en;
		let detail = null;
		if (data.messageZh) {
			zh = data.messageZh;
			en = data.message;
			detail = data.detail || null;
		} else {
			const known = ERROR_TEXTS[data.error] || STATUS_TEXTS[status]
				|| (status >= 500 ? ['服务器出错了，请稍后再试', 'The server failed; try again later'] : ['请求失败', 'The request failed']);
			zh = known[0];
			en = (typeof data.message === 'string' && data.message) ? withoutApiPaths(data.message) : known[1];
		}
		const error = new Error(zh + ' ' + en);
		Object.assign(error, { status, zh, en, detail });
		return error;
	}

	function friendly(e) {
		return e.zh ? e : { zh: '出错了', en: withoutApiPaths(e.message || String(e)), detail: null };
	}

	// what failed (Chinese, English) and why, Chinese first
	function errorNodes(what, e) {
		const error = friendly(e);
		const nodes = [el('span', { className: 'error-zh', textContent: what[0] + '：' + error.zh }),
			el('span', { className: 'error-en', textContent: what[1] + ': ' + error.en })];
		if (error.detail) {
			nodes.push(el('span', { className: 'error-detail', textContent: error.detail }));
		}
		return nodes;
	}

	function showError(id, what, e) {
		const node = $(id);
		node.className = 'status error';
		node.replaceChildren(...errorNodes(what, e));
	}

	// --- a small markdown renderer for what DingTalk messages use --------------------------------
	// headings, bold, italics, links, lists, quotes and line breaks; the text is escaped first, so
	// nothing but the tags made here reaches the page, and links go only to http(s) and dingtalk: URLs

	function escapeHtml(text) {
		return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;').replace(/'/g, '&#39;');
	}

	function inlineMarkdown(escaped) {
		const links = [];
		let html = escaped.replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (match, image, label, url) => {
			const text = label || (image ? '图片 image' : url);
			links.push(/^(https?|dingtalk):\/\//i.test(url)
				? '<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + text + '</a>'
				: text);
			return '\u0000' + (links.length - 1) + '\u0000';
		});
		html = html.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
			.replace(/(^|[^\w])__(.+?)__(?!\w)/g, '$1<strong>$2</strong>')
			.replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '<em>$1</em>')
			.replace(/(^|[^\w])_([^_\s](?:[^_]*[^_\s])?)_(?!\w)/g, '$1<em>$2</em>');
		return html.replace(/\u0000(\d+)\u0000/g, (match, i) => links[Number(i)]);
	}

	function renderMarkdown(source) {
		const html = [];
		let paragraph = [];
		let list = null;
		let quote = [];
		const closeParagraph = () => {
			if (paragraph.length) {
				html.push('<p>' + paragraph.join('<br>') + '</p>');
				paragraph = [];
			}
		};
		const closeList = () => {
			if (list) {
				html.push('<' + list.tag + '>' + list.items.map((item) => '<li>' + item + '</li>').join('') + '</' + list.tag + '>');
				list = null;
			}
		};
		const closeQuote = () => {
			if (quote.length) {
				html.push('<blockquote>' + quote.join('<br>') + '</blockquote>');
				quote = [];
			}
		};
		const closeAll = () => {
			closeParagraph();
			closeList();
			closeQuote();
		};
		const addItem = (tag, text) => {
			closeParagraph();
			closeQuote();
			if (list && list.tag !== tag) {
				closeList();
			}
			list = list || { tag, items: [] };
			list.items.push(inlineMarkdown(text));
		};
		String(source || '').replace(/\r\n?/g, '\n').split('\n').forEach((raw) => {
			const line = escapeHtml(raw);
			let match;
			if (!line.trim()) {
				closeAll();
			} else if ((match = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/))) {
				closeAll();
				const level = match[1].length;
				html.push('<h' + level + '>' + inlineMarkdown(match[2]) + '</h' + level + '>');
			} else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
				closeAll();
				html.push('<hr>');
			} else if ((match = line.match(/^\s*[-*+]\s+(.*)$/))) {
				addItem('ul', match[1]);
			} else if ((match = line.match(/^\s*\d+[.)]\s+(.*)$/))) {
				addItem('ol', match[1]);
			} else if ((match = line.match(/^\s*&gt;\s?(.*)$/))) {
				closeParagraph();
				closeList();
				quote.push(inlineMarkdown(match[1]));
			} else {
				closeList();
				closeQuote();
				paragraph.push(inlineMarkdown(line.trim()));
			}
		});
		closeAll();
		return html.join('');
	}

	// 24-hour time as people in China read it: 14:05:09
	function formatTime(time) {
		return new Date(time).toLocaleTimeString('zh-CN',
			{ hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
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
			showError('login-status', ['免登失败', 'Login failed'], e);
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
						.catch((e) => showError('login-status', ['免登失败', 'Login failed'], e)),
					onFail: (error) => status('login-status', 'requestAuthCode: ' + JSON.stringify(error), 'error')
				});
			});
		} catch (e) {
			showError('login-status', ['请在钉钉中打开', 'Open inside DingTalk'], e);
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
		$('login-button').hidden = true;
		$('user-picker').hidden = true;
		$('browser-login').hidden = true;
		$('logout-button').hidden = false;
		if (!$('notify-users').value) {
			$('notify-users').value = me.userid;
		}
		status('login-status', '已登录 Logged in as ' + me.name, 'ok');
		browse([await rootDepartment()]);
		showDdConfig();
		startPolling();
	}

	// the organisation's root department (id 1) under its own name
	async function rootDepartment() {
		try {
			const root = await api('GET', '/api/departments/1');
			return { id: root.id, name: root.name };
		} catch (e) {
			return { id: 1, name: '根部门 root' };
		}
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
			$('dept-users').replaceChildren(el('li', { className: 'error' }, errorNodes(['读取通讯录失败', 'Cannot read the directory'], e)));
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
			showError('notify-result', ['发送失败', 'Not sent'], e);
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
			const error = friendly(e);
			$('ddconfig-json').textContent = 'dd.config: ' + error.zh + '\n' + error.en;
			return null;
		}
	}

	function messageItem(head, text, time, markdown) {
		const body = el('div', { className: markdown ? 'msg-text markdown' : 'msg-text' });
		if (markdown) {
			body.innerHTML = renderMarkdown(text);
		} else {
			body.textContent = text;
		}
		return el('li', {}, [el('div', { className: 'msg-head' }, [el('strong', { textContent: head }),
			el('small', { className: 'muted msg-time', textContent: time ? ' ' + formatTime(time) : '' })]), body]);
	}

	// what each polled list last showed: a list is drawn again only when its data changed
	const shown = {};

	function changed(id, data) {
		const key = JSON.stringify(data);
		if (shown[id] === key) {
			return false;
		}
		shown[id] = key;
		return true;
	}

	async function refreshInbox() {
		if (mode.mode !== 'demo' || !me) {
			return;
		}
		try {
			const items = await api('GET', '/demo/inbox');
			if (!changed('inbox-list', items)) {
				return;
			}
			$('inbox-list').replaceChildren(...items.map((m) => messageItem(
				'[' + m.msgType + '] → ' + m.recipientNames.join('、') + (m.title ? ' · ' + m.title : ''), m.text, m.sentAt,
				m.msgType === 'markdown' || m.msgType === 'action_card')));
			if (!items.length) {
				$('inbox-list').replaceChildren(el('li', { className: 'muted', textContent: '（空 empty）' }));
			}
		} catch (e) {
			// keep what is shown
		}
	}

	async function refreshEvents() {
		if (!(mode.callbackEnabled || mode.streamEnabled) || !me) {
			return;
		}
		try {
			const events = await api('GET', '/api/events');
			if (!changed('event-list', events)) {
				return;
			}
			$('event-list').replaceChildren(...events.map((e) => messageItem(e.eventType + ' · ' + e.appName, e.summary || JSON.stringify(e.payload), e.receivedAt)));
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
			$('event-list').prepend(el('li', { className: 'error' }, errorNodes(['模拟事件失败', 'Event not pushed'], e)));
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
		$('events').hidden = !(mode.callbackEnabled || mode.streamEnabled);
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
				showError('login-status', ['出错了', 'Something went wrong'], e);
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

	start().catch((e) => showError('login-status', ['页面无法启动', 'The page cannot start'], e));
})();
