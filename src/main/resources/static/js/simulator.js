// The simulator's chat: personas, sending, voice, QR scans, pushed messages (polled) and the developer panel.
(function () {
  'use strict';
  // the page's wording (messages*.properties) and URLs, from data-* attributes of #simulator-data
  var T = document.getElementById('simulator-data').dataset;
  var URL_SEND = T.sendUrl, URL_PUSH = T.pushUrl;
  var STORE = 'qinqing.simulator.v1', MAX = 300;

  function $(id) { return document.getElementById(id); }
  var chat = $('chat'), sel = $('persona'), input = $('text'), enc = $('enc');
  var pending = {}, typingEl = null, polling = false, pollFailed = false;

  function load() {
    try {
      var s = JSON.parse(sessionStorage.getItem(STORE));
      if (s && typeof s === 'object') {
        return { hist: s.hist || {}, after: s.after || {}, seen: s.seen || {}, persona: s.persona || '', enc: s.enc !== false };
      }
    } catch (e) { /* ignore corrupt storage */ }
    return { hist: {}, after: {}, seen: {}, persona: '', enc: true };
  }
  var S = load();
  function save() { try { sessionStorage.setItem(STORE, JSON.stringify(S)); } catch (e) { /* quota or disabled */ } }

  var opts = Array.prototype.slice.call(sel.options);
  if (!opts.some(function (o) { return o.value === S.persona; })) S.persona = opts.length ? opts[0].value : '';
  sel.value = S.persona;
  enc.checked = S.enc;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function scroll() { chat.scrollTop = chat.scrollHeight; }
  function currentOption() { return sel.options[sel.selectedIndex] || null; }
  function safeUrl(u) {
    if (!u) return null;
    try { var x = new URL(String(u), location.href); return (x.protocol === 'http:' || x.protocol === 'https:') ? x.href : null; }
    catch (e) { return null; }
  }
  // school time, whatever the browser's zone: the server words it (m.time); this is for pushes kept from before
  function fmtTime(at) {
    var d = new Date(at);
    if (isNaN(d.getTime())) return String(at);
    try {
      return d.toLocaleString('zh-CN', { timeZone: T.zone, month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch (e) {
      return String(at);
    }
  }

  function build(m) {
    if (m.w === 's') return el('div', 'sys' + (m.err ? ' err' : ''), m.t);
    var mine = m.w === 'u', row = el('div', 'msg ' + (mine ? 'me' : 'bot')), body;
    var av = el('div', 'av');
    av.setAttribute('aria-hidden', 'true');
    if (mine) {
      var o = currentOption(), label = o ? o.textContent.trim() : '';
      av.textContent = label ? Array.from(label)[0] : '?';
      if (o && o.getAttribute('data-role')) av.classList.add('r-' + o.getAttribute('data-role').toLowerCase());
    } else {
      av.textContent = T.avatar;
    }
    if (m.k === 'tpl') {
      body = el('div', 'card');
      if (m.title) body.appendChild(el('div', 'tt', m.title));
      if (m.time || m.at) body.appendChild(el('div', 'at', m.time || fmtTime(m.at)));
      // the template's labels (孩子, 时间...) as WeChat shows them; pushes kept from before have only the keys
      var rows = Array.isArray(m.rows) ? m.rows : Object.keys((m.fields && typeof m.fields === 'object') ? m.fields : {})
        .map(function (k) { return { label: k, value: m.fields[k] }; });
      rows.forEach(function (f) {
        if (!f) return;
        var r = el('div', 'frow');
        r.appendChild(el('span', 'fk', String(f.label == null ? '' : f.label) + T.separator));
        r.appendChild(el('span', 'fv', f.value == null ? '' : String(f.value)));
        body.appendChild(r);
      });
      if (m.t) body.appendChild(el('div', 'fv', m.t));
      var href = safeUrl(m.url);
      if (href) {
        var a = el('a', null, T.detail + ' \u203A');
        a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer';
        body.appendChild(a);
      }
    } else if (m.k === 'voice') {
      body = el('div', 'bub');
      body.appendChild(el('span', 'vl', '\uD83C\uDFA4 ' + T.voice));
      body.appendChild(document.createTextNode('\n' + (m.t ? m.t : T.voiceEmpty)));
    } else {
      body = el('div', 'bub', m.t == null ? '' : String(m.t));
    }
    if (mine) { row.appendChild(body); row.appendChild(av); } else { row.appendChild(av); row.appendChild(body); }
    return row;
  }

  function syncTyping() {
    var want = (pending[S.persona] || 0) > 0;
    if (want && !typingEl) {
      typingEl = build({ w: 'b', k: 'text', t: '\u2026' });
      typingEl.classList.add('typing');
      typingEl.setAttribute('role', 'status');
      typingEl.setAttribute('aria-label', T.typing);
      chat.appendChild(typingEl);
      scroll();
    } else if (!want && typingEl) {
      typingEl.remove();
      typingEl = null;
    }
  }
  function renderAll() {
    chat.textContent = '';
    typingEl = null;
    if (!S.persona) chat.appendChild(el('div', 'sys err', T.noPersona));
    (S.hist[S.persona] || []).forEach(function (m) { chat.appendChild(build(m)); });
    syncTyping();
    scroll();
  }
  function add(openid, m) {
    var h = S.hist[openid] || (S.hist[openid] = []);
    h.push(m);
    if (h.length > MAX) h.splice(0, h.length - MAX);
    save();
    if (openid === S.persona) {
      var n = build(m);
      if (typingEl) chat.insertBefore(n, typingEl); else chat.appendChild(n);
      scroll();
    }
  }

  function headers() {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var t = document.querySelector('meta[name="_csrf"]'), n = document.querySelector('meta[name="_csrf_header"]');
    if (t && n && t.content && n.content) h[n.content] = t.content;
    return h;
  }
  function showDev(d) {
    $('devMeta').textContent = T.devStatus + ' ' + (d.status != null ? d.status : '-') + ' \u00B7 '
      + T.devElapsed + ' ' + (d.elapsedMs != null ? d.elapsedMs : '-') + ' ms'
      + (d.reply == null ? ' \u00B7 ' + T.devNoReply : '');
    $('devReq').textContent = d.requestXml || '';
    $('devRes').textContent = d.responseXml || '';
  }

  async function send(type, text, eventKey) {
    var openid = S.persona;
    if (!openid) return;
    var payload = { openid: openid, type: type, text: text || '', eventKey: eventKey || '', encrypted: enc.checked };
    pending[openid] = (pending[openid] || 0) + 1;
    syncTyping();
    var d = null, err = null;
    try {
      var r = await fetch(URL_SEND, { method: 'POST', headers: headers(), body: JSON.stringify(payload), credentials: 'same-origin' });
      if (!r.ok) err = T.errServer + ' (HTTP ' + r.status + ')';
      else { try { d = await r.json(); } catch (e) { err = T.errServer; } }
    } catch (e) {
      err = T.errNetwork;
    }
    pending[openid] = Math.max(0, (pending[openid] || 1) - 1);
    syncTyping();
    try {
      if (err || !d || typeof d !== 'object') { add(openid, { w: 's', err: 1, t: err || T.errServer }); return; }
      showDev(d);
      if (typeof d.reply === 'string' && d.reply.length) add(openid, { w: 'b', k: 'text', t: d.reply });
      if (d.status != null && (d.status < 200 || d.status >= 300)) add(openid, { w: 's', err: 1, t: T.errBot + ' (HTTP ' + d.status + ')' });
    } catch (e) {
      add(openid, { w: 's', err: 1, t: T.errServer });
    }
    poll();
  }

  async function poll() {
    var openid = S.persona;
    if (polling || !openid || document.hidden) return;
    polling = true;
    try {
      var r = await fetch(URL_PUSH + '?openid=' + encodeURIComponent(openid) + '&after=' + encodeURIComponent(S.after[openid] || 0),
        { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      var d = await r.json();
      var seen = typeof S.seen[openid] === 'number' ? S.seen[openid] : -1;
      (d && Array.isArray(d.messages) ? d.messages : []).forEach(function (m) {
        if (!m) return;
        var seq = Number(m.seq);
        if (!isNaN(seq)) { if (seq <= seen) return; seen = seq; }
        add(openid, m.kind === 'template'
          ? { w: 'b', k: 'tpl', title: m.title, rows: m.rows, fields: m.fields, url: m.url, at: m.at, time: m.time, t: m.text }
          : { w: 'b', k: 'text', t: m.text == null ? '' : String(m.text) });
      });
      S.seen[openid] = seen;
      if (d && d.next != null && !isNaN(Number(d.next))) S.after[openid] = Number(d.next);
      else if (seen >= 0) S.after[openid] = seen;
      save();
      pollFailed = false;
    } catch (e) {
      if (!pollFailed) { pollFailed = true; add(openid, { w: 's', err: 1, t: T.errPoll }); }
    } finally {
      polling = false;
    }
  }

  function sendText(t) {
    t = (t == null ? '' : String(t)).trim();
    if (!t || !S.persona) return;
    add(S.persona, { w: 'u', k: 'text', t: t });
    send('text', t);
  }
  function sendInput() {
    var t = input.value;
    if (!t.trim()) return;
    input.value = '';
    sendText(t);
    input.focus();
  }
  function sendEvent(type, line, key) {
    if (!S.persona) return;
    add(S.persona, { w: 's', t: line });
    send(type, '', key);
  }
  function updateMode() { $('modeText').textContent = enc.checked ? T.aes : T.plain; }

  $('send').addEventListener('click', sendInput);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) { e.preventDefault(); sendInput(); }
  });
  $('voice').addEventListener('click', function () {
    if (!S.persona) return;
    var r = window.prompt(T.voicePrompt, '');
    if (r === null) return;
    r = r.trim();
    add(S.persona, { w: 'u', k: 'voice', t: r });
    send('voice', r);
  });
  $('chips').addEventListener('click', function (e) {
    var b = e.target.closest('.chip');
    if (b) sendText(b.textContent);
  });
  var menu = $('menu');
  if (menu) menu.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-key]');
    if (b) sendEvent('click', T.clicked + b.textContent.trim(), b.getAttribute('data-key'));
  });
  var codes = $('codes');
  if (codes) codes.addEventListener('click', function (e) {
    var b = e.target.closest('button.scan');
    if (b) sendEvent('scan', T.scanned + b.getAttribute('data-code'), b.getAttribute('data-scene'));
  });
  $('sub').addEventListener('click', function () { sendEvent('subscribe', T.subscribed); });
  $('unsub').addEventListener('click', function () { sendEvent('unsubscribe', T.unsubscribed); });
  enc.addEventListener('change', function () { S.enc = enc.checked; save(); updateMode(); });
  sel.addEventListener('change', function () {
    S.persona = sel.value;
    save();
    pollFailed = false;
    renderAll();
    poll();
  });
  $('clear').addEventListener('click', function () { S.hist[S.persona] = []; save(); renderAll(); });
  document.addEventListener('visibilitychange', function () { if (!document.hidden) poll(); });

  updateMode();
  renderAll();
  poll();
  setInterval(poll, 2000);
})();
