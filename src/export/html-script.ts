/**
 * The page's one script, the same for every deck: deck data reaches it only through the DOM
 * (escaped attributes and text), so its hash in the Content-Security-Policy never changes with
 * content, and no deck text is ever evaluated as code.
 *
 * Every layout: each slide's text shrinks until it fits its 16:9 box, and what follows
 * `jump_to_middle` is centred on the slide's middle, as the terminal presenter places it. When
 * everything is laid out it sets `data-ready` on <body>; the PDF export waits for that.
 *
 * The `present` layout adds navigation (arrows, space, PgUp/PgDn, Home/End), reveal steps, the
 * overview (`o`), a blank screen (`b`), help (`?`) and the speaker view (`s`): a second window
 * (this same file, `?view=speaker`) with the current and next slide, the notes scrolling on their
 * own, the sources, a timer that can be paused and reset, and the time of day. The two windows keep
 * each other in step both ways, by `postMessage` between opener and opened and by a
 * BroadcastChannel named for the deck; closing either leaves the other working. Where no second
 * window may be opened, the speaker view fills this window instead (Esc leaves it).
 */
export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var W = 1280, H = 720;
  var body = document.body;
  var layout = body.getAttribute('data-layout');
  var deck = document.getElementById('deck');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#deck > .box'));
  var fitted = [];

  function overflows(el) {
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }
  /* Shrinks the font of a fixed-size container until its content fits (binary search). */
  function fitText(el, minPx) {
    if (!el) return;
    el.style.fontSize = '';
    if (!overflows(el)) return;
    var hi = parseFloat(getComputedStyle(el).fontSize) || 36, lo = minPx;
    for (var i = 0; i < 10; i++) {
      var mid = (lo + hi) / 2;
      el.style.fontSize = mid + 'px';
      if (overflows(el)) hi = mid; else lo = mid;
    }
    el.style.fontSize = lo + 'px';
  }
  /* Centres what follows jump_to_middle on the slide's middle, below what comes before it. */
  function balance(content) {
    var lower = content && content.querySelector(':scope > .lower');
    if (!lower) return;
    lower.style.marginTop = '';
    var upper = content.querySelector(':scope > .upper');
    var above = upper ? upper.offsetHeight : 0;
    var gap = above > 0 ? parseFloat(getComputedStyle(content).fontSize) * 0.5 : 0;
    var top = Math.max(above + gap, (content.clientHeight - lower.offsetHeight) / 2);
    lower.style.marginTop = Math.max(0, top - above) + 'px';
  }
  /* Fits a laid-out .slide element: text shrunk to fit, then the middle balanced. */
  function fitSlide(slide) {
    if (!slide) return;
    var content = slide.querySelector(':scope > .content');
    var lower = content && content.querySelector(':scope > .lower');
    if (lower) lower.style.marginTop = '';
    fitText(content, 7);
    balance(content);
  }
  function fitBox(i) {
    if (fitted[i]) return;
    fitSlide(boxes[i].querySelector('.slide'));
    fitText(boxes[i].querySelector('.handout-text'), 5);
    fitted[i] = true;
  }
  function settle() {
    var images = Array.prototype.slice.call(document.images).map(function (img) {
      return img.decode ? img.decode().catch(function () {}) : null;
    });
    var fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
    return Promise.all([fonts].concat(images));
  }

  if (layout !== 'present') {
    settle().then(function () {
      for (var i = 0; i < boxes.length; i++) fitBox(i);
      body.setAttribute('data-ready', '1');
    });
    return;
  }

  var $ = function (id) { return document.getElementById(id); };
  var params = /[?&]view=speaker(?:&|$)/.test(location.search);
  /* 'speaker': this is the speaker window; 'audience': a speaker window is open for this one. */
  var role = params ? 'speaker' : 'main';
  var cur = { slide: 0, step: 0 };
  var blanked = false;
  var overview = false, speakerOn = false, selected = 0;
  var durationMs = Number(body.getAttribute('data-duration-ms')) || 0;
  var timer = { startedAt: Date.now(), pausedAt: 0 };
  var peer = null;
  var channel = null;
  try { channel = new BroadcastChannel('talkdeck-' + body.getAttribute('data-deck')); } catch (e) { channel = null; }

  function stepsOf(i) { return Math.max(1, Number(boxes[i].getAttribute('data-steps')) || 1); }
  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  function place() {
    if (overview) {
      boxes.forEach(function (b) { b.style.transform = ''; });
      return;
    }
    var w = deck.clientWidth, h = deck.clientHeight;
    var k = Math.min(w / W, h / H);
    var box = boxes[cur.slide];
    if (box) box.style.transform = 'translate(' + (w - W * k) / 2 + 'px,' + (h - H * k) / 2 + 'px) scale(' + k + ')';
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function cloneInto(target, source) {
    clear(target);
    if (source) Array.prototype.forEach.call(source.childNodes, function (n) { target.appendChild(n.cloneNode(true)); });
  }
  /* A copy of slide i at step s in frame, fitted, scaled and centred to the frame's size. */
  function showIn(frame, i, s) {
    clear(frame);
    if (i >= boxes.length) {
      var end = document.createElement('div');
      end.className = 'sp-end';
      end.textContent = 'End of deck';
      frame.appendChild(end);
      return;
    }
    var copy = boxes[i].querySelector('.slide').cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('[data-step]'), function (el) {
      el.classList.toggle('future', Number(el.getAttribute('data-step')) > s);
    });
    frame.appendChild(copy);
    fitSlide(copy);
    var k = Math.min(frame.clientWidth / W, frame.clientHeight / H);
    copy.style.transform = 'translate(' + (frame.clientWidth - W * k) / 2 + 'px,0) scale(' + k + ')';
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function clock(ms) {
    var s = Math.floor(Math.max(0, ms) / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    return (h ? h + ':' + pad(m) : pad(m)) + ':' + pad(s % 60);
  }
  function elapsed() { return (timer.pausedAt || Date.now()) - timer.startedAt; }
  function tick() {
    var el = $('sp-timer');
    if (!el) return;
    var ms = elapsed();
    el.textContent = clock(ms) + (durationMs ? ' / ' + clock(durationMs) : '');
    el.classList.toggle('over', durationMs > 0 && ms > durationMs);
    el.classList.toggle('paused', Boolean(timer.pausedAt));
    $('sp-pause').textContent = timer.pausedAt ? 'Resume' : 'Pause';
    $('sp-pause').setAttribute('aria-pressed', timer.pausedAt ? 'true' : 'false');
    var now = new Date();
    $('sp-clock').textContent = pad(now.getHours()) + ':' + pad(now.getMinutes());
  }
  function pauseTimer() {
    if (timer.pausedAt) { timer.startedAt += Date.now() - timer.pausedAt; timer.pausedAt = 0; }
    else timer.pausedAt = Date.now();
    tick();
  }
  function resetTimer() {
    timer.startedAt = Date.now();
    if (timer.pausedAt) timer.pausedAt = timer.startedAt;
    tick();
  }
  function status() {
    var el = $('sp-status');
    var text = blanked ? 'Audience screen blanked' : '';
    if (role === 'speaker' && window.opener && window.opener.closed) channelPeer = false;
    if (role === 'speaker' && !(window.opener && !window.opener.closed) && !channelPeer) text = (text ? text + ' \u00b7 ' : '') + 'No audience window';
    el.textContent = text;
    $('sp-blank').setAttribute('aria-pressed', blanked ? 'true' : 'false');
  }

  function updateSpeaker() {
    if (!speakerOn) return;
    var box = boxes[cur.slide];
    $('sp-pos').textContent =
      'Slide ' + (cur.slide + 1) + ' / ' + boxes.length + (stepsOf(cur.slide) > 1 ? ', step ' + (cur.step + 1) + ' / ' + stepsOf(cur.slide) : '');
    showIn($('sp-current'), cur.slide, cur.step);
    // The next thing the audience will see: this slide's next step, or the next slide.
    if (cur.step + 1 < stepsOf(cur.slide)) showIn($('sp-next'), cur.slide, cur.step + 1);
    else showIn($('sp-next'), cur.slide + 1, 0);
    var notes = $('sp-notes');
    if (notes.getAttribute('data-slide') !== String(cur.slide)) {
      cloneInto(notes, box.querySelector('.notes'));
      notes.setAttribute('data-slide', String(cur.slide));
      notes.scrollTop = 0;
    }
    cloneInto($('sp-sources'), box.querySelector('.cites'));
    status();
    tick();
  }

  /* Tells the other window where this one is; messages carry numbers only, and are checked on arrival. */
  var channelPeer = false;
  /* Messages come by two paths, in no set order: each window numbers its own, and stale ones are dropped. */
  var me = Math.random().toString(36).slice(2), seq = 0, seen = {};
  function send(kind) {
    var msg = { talkdeck: 1, kind: kind, slide: cur.slide, step: cur.step, blanked: blanked, role: role, from: me, seq: ++seq };
    var targets = [window.opener, peer];
    for (var t = 0; t < targets.length; t++) {
      var w = targets[t];
      if (w && !w.closed) { try { w.postMessage(msg, '*'); } catch (e) { /* gone */ } }
    }
    if (channel) { try { channel.postMessage(msg); } catch (e) { /* closed */ } }
  }
  function receive(msg) {
    if (!msg || msg.talkdeck !== 1 || typeof msg.slide !== 'number' || typeof msg.step !== 'number') return;
    if (typeof msg.from !== 'string' || typeof msg.seq !== 'number' || msg.from === me) return;
    if (seen[msg.from] >= msg.seq) return;
    seen[msg.from] = msg.seq;
    if (msg.role === 'speaker' && role === 'main') { role = 'audience'; body.setAttribute('data-role', role); }
    if (role === 'speaker') channelPeer = true;
    if (msg.kind === 'hello') { send('state'); return; }
    if (msg.kind === 'bye') {
      if (role === 'speaker') channelPeer = false;
      if (role === 'audience' && msg.role === 'speaker') { role = 'main'; peer = null; body.removeAttribute('data-role'); }
      status();
      return;
    }
    var changed = false;
    if (typeof msg.blanked === 'boolean' && msg.blanked !== blanked) { setBlank(msg.blanked, true); changed = true; }
    if (msg.slide !== cur.slide || msg.step !== cur.step) { show(msg.slide, msg.step, true); changed = true; }
    if (!changed) status();
  }
  window.addEventListener('message', function (e) {
    if (e.source !== window.opener && e.source !== peer) return;
    receive(e.data);
  });
  if (channel) channel.onmessage = function (e) { receive(e.data); };

  function show(i, s, quiet) {
    i = clamp(Math.floor(i), 0, boxes.length - 1);
    s = clamp(Math.floor(s), 0, stepsOf(i) - 1);
    cur = { slide: i, step: s };
    selected = i;
    boxes.forEach(function (b, k) {
      b.classList.toggle('current', k === i);
      if (k !== i) b.style.transform = '';
    });
    Array.prototype.forEach.call(boxes[i].querySelectorAll('.slide [data-step]'), function (el) {
      el.classList.toggle('future', Number(el.getAttribute('data-step')) > s);
    });
    fitBox(i);
    body.setAttribute('data-slide', String(i + 1));
    body.setAttribute('data-step', String(s));
    place();
    updateSpeaker();
    try { history.replaceState(null, '', location.pathname + location.search + '#' + (i + 1) + (s ? '.' + s : '')); } catch (e) { /* about:blank */ }
    if (!quiet) send('state');
  }
  function next() {
    if (cur.step + 1 < stepsOf(cur.slide)) show(cur.slide, cur.step + 1);
    else if (cur.slide + 1 < boxes.length) show(cur.slide + 1, 0);
  }
  function prev() {
    if (cur.step > 0) show(cur.slide, cur.step - 1);
    else if (cur.slide > 0) show(cur.slide - 1, stepsOf(cur.slide - 1) - 1);
  }
  function setBlank(on, quiet) {
    blanked = on;
    body.classList.toggle('blanked', on);
    status();
    if (!quiet) send('state');
  }

  function setOverview(on) {
    overview = on;
    body.classList.toggle('overview', on);
    if (on) {
      boxes.forEach(function (b, k) { fitBox(k); });
      select(cur.slide);
    } else {
      show(selected, selected === cur.slide ? cur.step : 0);
    }
    place();
  }
  function select(i) {
    selected = clamp(i, 0, boxes.length - 1);
    boxes.forEach(function (b, k) { b.classList.toggle('current', k === selected); });
    body.setAttribute('data-selected', String(selected + 1));
    if (boxes[selected].scrollIntoView) boxes[selected].scrollIntoView({ block: 'nearest' });
  }
  function columns() {
    var first = boxes[0], n = 0;
    for (var k = 0; k < boxes.length && boxes[k].offsetTop === first.offsetTop; k++) n++;
    return Math.max(1, n);
  }
  function setSpeaker(on) {
    if (on && overview) setOverview(false);
    speakerOn = on;
    body.classList.toggle('speaker-on', on);
    $('speaker').hidden = !on;
    if (on) $('sp-notes').removeAttribute('data-slide');
    updateSpeaker();
    place();
  }
  /* Opens the speaker view in a second window, or, where none may be opened, in this one. */
  function openSpeaker() {
    if (peer && !peer.closed) { peer.focus(); return; }
    var url = location.href.replace(/[?#].*$/, '') + '?view=speaker#' + (cur.slide + 1) + (cur.step ? '.' + cur.step : '');
    var w = null;
    try { w = window.open(url, 'talkdeck-speaker-' + body.getAttribute('data-deck'), 'popup,width=1280,height=800'); } catch (e) { w = null; }
    if (!w) { setSpeaker(!speakerOn); return; }
    peer = w;
    role = 'audience';
    body.setAttribute('data-role', role);
  }
  function help(on) { $('help').hidden = !on; }
  function closeOverlays() {
    var any = !$('help').hidden || overview || (speakerOn && role !== 'speaker');
    help(false);
    if (overview) setOverview(false);
    if (speakerOn && role !== 'speaker') setSpeaker(false);
    return any;
  }

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target && e.target.tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
    var key = e.key, handled = true;
    if (key === 'Escape') handled = closeOverlays();
    else if (key === '?') help($('help').hidden);
    else if (overview) {
      if (key === 'ArrowRight' || key === 'l') select(selected + 1);
      else if (key === 'ArrowLeft' || key === 'h') select(selected - 1);
      else if (key === 'ArrowDown' || key === 'j') select(selected + columns());
      else if (key === 'ArrowUp' || key === 'k') select(selected - columns());
      else if (key === 'Home') select(0);
      else if (key === 'End') select(boxes.length - 1);
      else if (key === 'Enter' || key === 'o' || key === ' ') setOverview(false);
      else handled = false;
    } else if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === 'n' || key === 'l' || key === 'j' || key === 'Enter' || (key === ' ' && !e.shiftKey)) next();
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || key === 'p' || key === 'h' || key === 'k' || key === 'Backspace' || (key === ' ' && e.shiftKey)) prev();
    else if (key === 'Home') show(0, 0);
    else if (key === 'End') show(boxes.length - 1, stepsOf(boxes.length - 1) - 1);
    else if (key === 'o' && role !== 'speaker' && !speakerOn) setOverview(true);
    else if (key === 's' && role !== 'speaker') openSpeaker();
    else if (key === 'b' || key === '.') setBlank(!blanked);
    else if (key === 't') pauseTimer();
    else if (key === 'r') resetTimer();
    else if (key === 'f' && document.documentElement.requestFullscreen) {
      if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen().catch(function () {});
    } else handled = false;
    if (handled) e.preventDefault();
  });
  boxes.forEach(function (b, k) {
    b.addEventListener('click', function () { if (overview) { selected = k; setOverview(false); } });
  });
  $('sp-pause').addEventListener('click', pauseTimer);
  $('sp-reset').addEventListener('click', resetTimer);
  $('sp-blank').addEventListener('click', function () { setBlank(!blanked); });
  window.addEventListener('resize', function () { place(); updateSpeaker(); });
  // The other window learns at once that this one is gone; a closed opener or pop-up is also noticed within a second.
  window.addEventListener('pagehide', function () { if (role !== 'main') send('bye'); });
  window.addEventListener('hashchange', function () { fromHash(); });
  function fromHash() {
    var m = /^#(\d+)(?:\.(\d+))?$/.exec(location.hash);
    if (m) show(Number(m[1]) - 1, Number(m[2] || 0)); else show(cur.slide, cur.step);
  }
  setInterval(function () {
    tick();
    if (role === 'audience' && peer && peer.closed) { peer = null; role = 'main'; body.removeAttribute('data-role'); }
    if (role === 'speaker') status();
  }, 1000);
  if (role === 'speaker') {
    body.setAttribute('data-role', 'speaker');
    document.title = 'Speaker view \u00b7 ' + document.title;
    setSpeaker(true);
  }
  fromHash();
  settle().then(function () {
    fitted = [];
    show(cur.slide, cur.step, true);
    if (role === 'speaker') send('hello');
    body.setAttribute('data-ready', '1');
  });
})();
`;
