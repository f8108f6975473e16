/**
 * The page's one script, the same for every deck: deck data reaches it only through the DOM
 * (escaped attributes and text), so its hash in the Content-Security-Policy never changes with
 * content, and no deck text is ever evaluated as code.
 *
 * It fits each slide's text to its 16:9 box, and in the `present` layout adds navigation (arrows,
 * space, PgUp/PgDn, Home/End), reveal steps, the overview (`o`) and the speaker view (`s`).
 * When everything is laid out it sets `data-ready` on <body>; the PDF export waits for that.
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
    var hi = parseFloat(getComputedStyle(el).fontSize) || 28, lo = minPx;
    for (var i = 0; i < 9; i++) {
      var mid = (lo + hi) / 2;
      el.style.fontSize = mid + 'px';
      if (overflows(el)) hi = mid; else lo = mid;
    }
    el.style.fontSize = lo + 'px';
  }
  function fitBox(i) {
    if (fitted[i]) return;
    fitText(boxes[i].querySelector('.slide > .content'), 9);
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

  var speaker = document.getElementById('speaker');
  var cur = { slide: 0, step: 0 };
  var overview = false, speakerOn = false, selected = 0;
  var started = Date.now();
  var durationMs = Number(body.getAttribute('data-duration-ms')) || 0;

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

  function cloneInto(target, source) {
    while (target.firstChild) target.removeChild(target.firstChild);
    if (source) {
      Array.prototype.forEach.call(source.childNodes, function (n) { target.appendChild(n.cloneNode(true)); });
    }
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function clock(ms) {
    var s = Math.floor(Math.max(0, ms) / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    return (h ? h + ':' + pad(m) : pad(m)) + ':' + pad(s % 60);
  }
  function tick() {
    var el = document.getElementById('sp-timer');
    if (!el) return;
    var elapsed = Date.now() - started;
    el.textContent = clock(elapsed) + (durationMs ? ' / ' + clock(durationMs) : '');
    el.classList.toggle('over', durationMs > 0 && elapsed > durationMs);
  }

  function updateSpeaker() {
    if (!speakerOn) return;
    var box = boxes[cur.slide];
    document.getElementById('sp-pos').textContent =
      'Slide ' + (cur.slide + 1) + ' / ' + boxes.length + (stepsOf(cur.slide) > 1 ? ', step ' + (cur.step + 1) + ' / ' + stepsOf(cur.slide) : '');
    cloneInto(document.getElementById('sp-notes'), box.querySelector('.notes'));
    cloneInto(document.getElementById('sp-sources'), box.querySelector('.cites'));
    var next = document.getElementById('sp-next');
    while (next.firstChild) next.removeChild(next.firstChild);
    var nextBox = boxes[cur.slide + 1];
    if (nextBox) {
      fitBox(cur.slide + 1);
      var original = nextBox.querySelector('.slide');
      var copy = original.cloneNode(true);
      var content = copy.querySelector('.content');
      if (content) content.style.fontSize = original.querySelector('.content').style.fontSize;
      Array.prototype.forEach.call(copy.querySelectorAll('.future'), function (el) { el.classList.remove('future'); });
      var k = next.clientWidth / W;
      copy.style.transform = 'scale(' + k + ')';
      next.style.height = H * k + 'px';
      next.appendChild(copy);
    } else {
      next.style.height = '';
      next.textContent = 'End of deck';
    }
    tick();
  }

  function show(i, s) {
    i = clamp(i, 0, boxes.length - 1);
    s = clamp(s, 0, stepsOf(i) - 1);
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
    try { history.replaceState(null, '', '#' + (i + 1) + (s ? '.' + s : '')); } catch (e) { /* about:blank */ }
  }
  function next() {
    if (cur.step + 1 < stepsOf(cur.slide)) show(cur.slide, cur.step + 1);
    else if (cur.slide + 1 < boxes.length) show(cur.slide + 1, 0);
  }
  function prev() {
    if (cur.step > 0) show(cur.slide, cur.step - 1);
    else if (cur.slide > 0) show(cur.slide - 1, stepsOf(cur.slide - 1) - 1);
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
    speakerOn = on;
    body.classList.toggle('speaker-on', on);
    speaker.hidden = !on;
    updateSpeaker();
    place();
  }

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var key = e.key, handled = true;
    if (overview) {
      if (key === 'ArrowRight' || key === 'l') select(selected + 1);
      else if (key === 'ArrowLeft' || key === 'h') select(selected - 1);
      else if (key === 'ArrowDown' || key === 'j') select(selected + columns());
      else if (key === 'ArrowUp' || key === 'k') select(selected - columns());
      else if (key === 'Home') select(0);
      else if (key === 'End') select(boxes.length - 1);
      else if (key === 'Enter' || key === 'o' || key === 'Escape' || key === ' ') setOverview(false);
      else handled = false;
    } else if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === 'n' || key === 'l' || key === 'j' || key === 'Enter' || (key === ' ' && !e.shiftKey)) next();
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || key === 'p' || key === 'h' || key === 'k' || key === 'Backspace' || (key === ' ' && e.shiftKey)) prev();
    else if (key === 'Home') show(0, 0);
    else if (key === 'End') show(boxes.length - 1, stepsOf(boxes.length - 1) - 1);
    else if (key === 'o') setOverview(true);
    else if (key === 's') setSpeaker(!speakerOn);
    else if (key === 'Escape' && speakerOn) setSpeaker(false);
    else if (key === 'r') { started = Date.now(); tick(); }
    else if (key === '?') { var help = document.getElementById('help'); help.hidden = !help.hidden; }
    else if (key === 'f' && document.documentElement.requestFullscreen) {
      if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen().catch(function () {});
    } else handled = false;
    if (handled) e.preventDefault();
  });
  boxes.forEach(function (b, k) {
    b.addEventListener('click', function () { if (overview) { selected = k; setOverview(false); } });
  });
  window.addEventListener('resize', function () { place(); updateSpeaker(); });
  window.addEventListener('hashchange', function () { fromHash(); });
  function fromHash() {
    var m = /^#(\d+)(?:\.(\d+))?$/.exec(location.hash);
    if (m) show(Number(m[1]) - 1, Number(m[2] || 0)); else show(cur.slide, cur.step);
  }
  setInterval(tick, 1000);
  fromHash();
  settle().then(function () {
    fitted = [];
    show(cur.slide, cur.step);
    body.setAttribute('data-ready', '1');
  });
})();
`;
