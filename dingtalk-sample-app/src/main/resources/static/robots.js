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

	// --- the robot chat: the user's message goes through the fake's Stream gateway to the app's robot listener

	const CHAT_GIVE_UP_MS = 60000;
	let chatTimer = null;
	let chatSince = 0;
	let lastConversation = '';
	let chatPending = false;
	const sentIds = new Set();

	function entryItem(entry) {
		const item = document.createElement('li');
		item.className = 'from-' + entry.from;
		item.dataset.from = entry.from;
		item.dataset.msgId = entry.msgId;
		const bubble = document.createElement('div');
		bubble.className = 'bubble';
		const head = document.createElement('div');
		head.className = 'msg-head';
		if (entry.from === 'card') {
			const status = document.createElement('span');
			status.className = 'card-status';
			status.textContent = entry.card.status;
			head.append('AI 卡片 AI card · ', status);
			const content = document.createElement('pre');
			content.className = 'card-content';
			content.textContent = entry.card.content;
			item.dataset.status = entry.card.status;
			bubble.append(head, content);
		} else {
			head.textContent = entry.from === 'user'
				? entry.sender + ' · ' + time(entry.at) + ' · '
					+ (entry.ackCode == null ? '等待应答 awaiting ack' : 'ack ' + entry.ackCode)
				: '机器人 robot · ' + entry.msgtype + ' · ' + time(entry.at);
			const text = document.createElement('div');
			text.className = 'msg-text';
			text.textContent = entry.text;
			bubble.append(head, text);
		}
		item.append(bubble);
		return item;
	}

	function renderConversation(conversation) {
		const json = JSON.stringify(conversation.messages);
		if (json === lastConversation) {
			return;
		}
		lastConversation = json;
		const list = $('conversation');
		list.replaceChildren(...conversation.messages.map(entryItem));
		list.scrollTop = list.scrollHeight;
	}

	// still waiting: a message sent from this page without the app's ack or a reply, or a card still streaming
	function waiting(messages) {
		const replied = new Set(messages.filter((e) => e.from === 'robot').map((e) => e.msgId));
		return messages.some((e) => (e.from === 'user' && sentIds.has(e.msgId) && (e.ackCode == null || !replied.has(e.msgId)))
			|| (e.from === 'card' && e.card.status !== 'FINISHED' && e.card.status !== 'FAILED'));
	}

	async function refreshConversation() {
		const conversation = await api('GET', '/demo/robots/conversation');
		renderConversation(conversation);
		return conversation;
	}

	function pollConversation() {
		clearTimeout(chatTimer);
		chatTimer = setTimeout(async () => {
			try {
				const conversation = await refreshConversation();
				if (!waiting(conversation.messages)) {
					if (chatPending) {
						chatPending = false;
						show($('chat-result'), true, '机器人已回复', 'The robot replied');
					}
					return;
				}
				if (Date.now() - chatSince > CHAT_GIVE_UP_MS) {
					if (chatPending) {
						chatPending = false;
						show($('chat-result'), false, '机器人没有回复', 'The robot did not reply');
					}
					return;
				}
			} catch (error) {
				showError($('chat-result'), error);
				return;
			}
			pollConversation();
		}, POLL_MS);
	}

	async function sendToRobot(event) {
		event.preventDefault();
		const result = $('chat-result');
		const input = $('chat-text');
		try {
			const answer = await api('POST', '/demo/robots/messages', { text: input.value });
			sentIds.add(answer.msgId);
			input.value = '';
			show(result, true, '已发给机器人，等待回复', 'Sent to the robot, waiting for its reply');
			chatSince = Date.now();
			chatPending = true;
			await refreshConversation();
			pollConversation();
		} catch (error) {
			showError(result, error);
		}
	}

	async function start() {
		try {
			const panel = await api('GET', '/demo/robots');
			$('custom-robot-name').textContent = panel.customRobot;
			$('group-name').textContent = panel.groupName;
			$('chat-group-name').textContent = panel.groupName;
			$('robot-workspace').hidden = false;
			$('send-custom').addEventListener('click', () => send('custom'));
			$('send-app').addEventListener('click', () => send('app'));
			$('start-card').addEventListener('click', startCard);
			$('chat-form').addEventListener('submit', sendToRobot);
			await refresh();
			chatSince = Date.now();
			pollConversation();
		} catch (error) {
			showError($('panel-status'), error);
		}
	}

	start();
}());
