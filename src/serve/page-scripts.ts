/**
 * The scripts and the style sheet the audience server adds to its pages. Each is a constant, so
 * that its hash in the Content-Security-Policy never changes; values reach them through the page
 * (the token from the address, the deck's id from the export's body attribute).
 */

/**
 * Follows the presenter: opens the event stream (with the page's own token, if any) and hands each
 * position to the export's page script over its BroadcastChannel, as its speaker window would.
 */
export const AUDIENCE_SCRIPT = String.raw`(function () {
  var body = document.body;
  var token = new URLSearchParams(location.search).get('t');
  var query = token ? '?t=' + encodeURIComponent(token) : '';
  var channel = null;
  try { channel = new BroadcastChannel('talkdeck-' + body.getAttribute('data-deck')); } catch (e) { channel = null; }
  var link = document.getElementById('serve-sources');
  var seq = 0;
  var me = 'serve-' + Math.random().toString(36).slice(2);
  function apply(state) {
    if (typeof state.slide !== 'number' || typeof state.step !== 'number') return;
    body.setAttribute('data-followed', String(state.slide + 1) + '.' + String(state.step));
    if (link) link.setAttribute('href', 'sources/' + (state.slide + 1) + query);
    if (channel) channel.postMessage({ talkdeck: 1, kind: 'state', role: 'server', from: me, seq: ++seq, slide: state.slide, step: state.step, blanked: Boolean(state.blanked) });
  }
  var source = new EventSource('events' + query);
  source.onmessage = function (e) {
    try { apply(JSON.parse(e.data)); } catch (err) { /* a malformed event is skipped */ }
  };
  source.addEventListener('bye', function () { source.close(); body.setAttribute('data-ended', 'true'); });
})();`;

/** The phone's remote: buttons that post to the server, and the talk's clock and place. */
export const REMOTE_PAGE_SCRIPT = String.raw`(function () {
  var buttons = document.getElementById('buttons');
  var token = buttons.getAttribute('data-token');
  var query = '?t=' + encodeURIComponent(token);
  var clock = document.getElementById('clock');
  var where = document.getElementById('where');
  var state = { elapsedMs: 0, at: Date.now() };
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function show(s) {
    state = { elapsedMs: s.elapsedMs, at: Date.now() };
    where.textContent = 'Slide ' + (s.slide + 1) + ' of ' + s.total + (s.blanked ? ' (blank)' : '');
    tick();
  }
  function tick() {
    var seconds = Math.floor((state.elapsedMs + Date.now() - state.at) / 1000);
    clock.textContent = pad(Math.floor(seconds / 60)) + ':' + pad(seconds % 60);
  }
  setInterval(tick, 1000);
  Array.prototype.forEach.call(buttons.querySelectorAll('button'), function (button) {
    button.addEventListener('click', function () {
      fetch('remote/' + button.getAttribute('data-command') + query, { method: 'POST' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) { if (s) show(s); })
        .catch(function () {});
    });
  });
  var source = new EventSource('events' + query);
  source.onmessage = function (e) { try { show(JSON.parse(e.data)); } catch (err) { /* skipped */ } };
})();`;

export const SERVE_CSS = `.serve-sources{position:fixed;right:1em;bottom:1em;z-index:50;padding:.3em .6em;border-radius:.4em;background:rgba(0,0,0,.6);color:#fff;font:14px system-ui,sans-serif;text-decoration:none}
.serve-page{max-width:52em;margin:1em auto;padding:0 1em;font:16px/1.5 system-ui,sans-serif;color:#222;background:#fff}
.serve-page table.passage{border-collapse:collapse;width:100%;font:14px/1.4 ui-monospace,monospace}
.serve-page td{vertical-align:top;padding:0 .5em;white-space:pre-wrap;word-break:break-word}
.serve-page td.n{color:#888;text-align:right;width:3em;user-select:none}
.serve-page tr.cited td{background:#fff3b0}
.serve-page .buttons{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.serve-page button{font-size:1.4em;padding:1em;border-radius:.5em;border:1px solid #888;background:#f4f4f4}
.serve-page button.big{grid-row:span 2;background:#dfe9ff}
.serve-page .clock{font-size:3em;text-align:center;margin:.2em 0}
.serve-page .where{text-align:center;color:#555}
`;
