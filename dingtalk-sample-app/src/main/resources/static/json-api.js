'use strict';

// The sample pages' one way to call the sample's JSON API: same-origin session, Spring Security's
// cookie CSRF token on every change, and the answer's JSON (or its text) whatever the status.
window.SampleHttp = (function () {
	function csrfToken() {
		const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
		return match ? decodeURIComponent(match[1]) : '';
	}

	async function send(method, url, body) {
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
		return { ok: response.ok, status: response.status, data };
	}

	return { csrfToken, send };
})();
