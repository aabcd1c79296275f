'use strict';

(function () {
	const $ = (id) => document.getElementById(id);
	const POLL_MS = 400;
	let cardId = null;
	let pollTimer = null;

	async function api(method, url, body) {
		const answer = await SampleHttp.send(method, url, body);
		if (!answer.ok) {
			const error = new Error((answer.data && answer.data.message) || ('HTTP ' + answer.status));
			error.status = answer.status;
			error.data = answer.data || {};
			throw error;
		}
		return answer.data;
	}

	// Chinese first, then English
	function show(element, ok, zh, en) {
		element.className = 'status ' + (ok ? 'ok' : 'error');
		element.textContent = en ? zh + ' · ' + en : zh;
	}

	function showError(element, error) {
		if (error.status === 401) {
			show(element, false, '请先在首页通过钉钉免登', 'Log in on the home page first');
		} else if (error.status === 403) {
			show(element, false, '请求被拒绝，请刷新页面后重试', 'Forbidden: reload the page and try again');
		} else {
			const data = error.data || {};
			show(element, false, data.messageZh || '请求失败', data.message || error.message);
		}
	}

	function time(iso) {
		const date = new Date(iso);
		const pad = (n) => String(n).padStart(2, '0');
		return pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
	}

	function renderChat(chat) {
		const list = $('chat-list');
		list.replaceChildren();
		for (const message of chat.messages) {
			const item = document.createElement('li');
			item.className = 'chat-message';
			item.dataset.via = message.via;
			const head = document.createElement('div');
			head.className = 'msg-head';
			head.textContent = (message.via === 'custom' ? '自定义机器人 custom robot' : '应用机器人 app robot')
				+ ' · ' + message.msgtype + ' · ' + time(message.at) + (message.title ? ' · ' + message.title : '');
			const text = document.createElement('div');
			text.className = 'msg-text';
			text.textContent = message.text;
			item.append(head, text);
			list.append(item);
		}
		if (chat.card) {
			$('card-box').hidden = false;
			$('card-status').textContent = chat.card.status;
			$('card-content').textContent = chat.card.content;
		}
	}

	async function refresh() {
		const chat = await api('GET', '/demo/robots/chat' + (cardId ? '?card=' + encodeURIComponent(cardId) : ''));
		renderChat(chat);
		return chat;
	}

	function pollCard() {
		clearTimeout(pollTimer);
		pollTimer = setTimeout(async () => {
			try {
				const chat = await refresh();
				if (chat.card && (chat.card.status === 'FINISHED' || chat.card.status === 'FAILED')) {
					return;
				}
			} catch (error) {
				showError($('robot-result'), error);
				return;
			}
			pollCard();
		}, POLL_MS);
	}

	function message() {
		return { type: $('robot-type').value, title: $('robot-title').value, text: $('robot-text').value };
	}

	async function send(which) {
		const result = $('robot-result');
		try {
			await api('POST', '/demo/robots/' + which, message());
			show(result, true, which === 'custom' ? '自定义机器人已发送' : '应用机器人已发送',
				which === 'custom' ? 'Sent through the custom robot' : 'Sent through the app robot');
			await refresh();
		} catch (error) {
			showError(result, error);
		}
	}

	async function startCard() {
		const result = $('robot-result');
		try {
			const answer = await api('POST', '/demo/robots/card');
			cardId = answer.outTrackId;
			show(result, true, 'AI 卡片已投放，正在输出', 'AI card delivered, streaming');
			await refresh();
			pollCard();
		} catch (error) {
			showError(result, error);
		}
	}

	async function start() {
		try {
			const panel = await api('GET', '/demo/robots');
			$('custom-robot-name').textContent = panel.customRobot;
			$('group-name').textContent = panel.groupName;
			$('robot-workspace').hidden = false;
			$('send-custom').addEventListener('click', () => send('custom'));
			$('send-app').addEventListener('click', () => send('app'));
			$('start-card').addEventListener('click', startCard);
			await refresh();
		} catch (error) {
			showError($('panel-status'), error);
		}
	}

	start();
}());
