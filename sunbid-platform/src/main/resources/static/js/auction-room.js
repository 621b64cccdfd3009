// The auction room (竞价大厅): kept live by the platform's Server-Sent Events (GET /api/v1/auctions/{lot}/live, each
// event's id the room's version, so the browser's automatic reconnection resumes with Last-Event-ID). The countdown
// counts to the server's endsAt by the server's clock: the page carries the platform's time, and the offset to this
// device's clock is corrected by every event that carries the server's time. Bidder numbers only, never identities.
(function () {
  var root = document.getElementById('auction-room');
  if (!root) return;
  var $ = function (id) { return document.getElementById(id); };
  var labels = {};
  document.querySelectorAll('#auction-labels li').forEach(function (li) {
    labels[li.getAttribute('data-phase') || li.getAttribute('data-key')] = li.textContent;
  });
  var offset = Number(root.getAttribute('data-server-now')) - Date.now(); // server clock − device clock
  var you = root.getAttribute('data-you') || null;
  var endsAt = Date.parse($('room-countdown').getAttribute('data-ends-at') || '');
  var phase = $('room-phase').getAttribute('data-phase');
  var lastBids = Number($('room-bids').textContent) || 0;
  var amountTouched = false;

  function serverNow() { return Date.now() + offset; }
  function yuan(v) {
    if (v === null || v === undefined || v === '') return '—';
    var n = Number(String(v).replace(/,/g, ''));
    return isNaN(n) ? String(v) : n.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  }
  function beijing(iso, withMs) {
    var t = Date.parse(iso);
    if (isNaN(t)) return iso || '';
    var d = new Date(t + 8 * 3600 * 1000).toISOString(); // Beijing time, UTC+8, whatever the device's zone
    return d.substring(0, 10) + ' ' + d.substring(11, withMs ? 23 : 19);
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function tick() {
    var el = $('room-countdown');
    if (isNaN(endsAt) || phase === 'ENDED' || phase === 'SUSPENDED') {
      el.textContent = phase === 'ENDED' ? labels.over : '—';
      return;
    }
    var left = Math.max(0, Math.floor((endsAt - serverNow()) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
    var d = Math.floor(h / 24);
    el.textContent = (d ? d + (document.documentElement.lang.indexOf('zh') === 0 ? ' 天 ' : ' d ') + pad(h % 24) : pad(h))
        + ':' + pad(m) + ':' + pad(s);
    el.classList.toggle('urgent', left <= 60);
  }

  function addHistory(seq, number, amount, at) {
    var body = document.querySelector('#bid-history tbody');
    if (body.querySelector('tr[data-seq="' + seq + '"]')) return;
    var tr = document.createElement('tr');
    tr.setAttribute('data-seq', seq);
    [number, yuan(amount), beijing(at, true), String(seq)].forEach(function (text, i) {
      var td = document.createElement('td');
      td.textContent = text;
      td.className = i === 1 ? 'num nowrap' : i === 2 ? 'nowrap' : i === 3 ? 'num' : '';
      td.setAttribute('data-label', document.querySelectorAll('#bid-history thead th')[i].textContent);
      tr.appendChild(td);
    });
    body.insertBefore(tr, body.firstChild);
    var empty = $('history-empty');
    if (empty) empty.hidden = true;
  }

  function apply(room) {
    if (room.serverTime || room.now) {
      offset = Date.parse(room.serverTime || room.now) - Date.now();
    }
    phase = room.phase || phase;
    $('room-phase').setAttribute('data-phase', phase);
    $('room-phase').textContent = labels[phase] || phase;
    $('room-price').textContent = yuan(room.currentPrice);
    $('room-leader').textContent = room.leader || '—';
    $('room-bids').textContent = room.bids;
    $('room-increment').textContent = yuan(room.increment);
    var min = Number(String(room.minimumNext || '0').replace(/,/g, ''));
    $('room-minimum').textContent = min > 0 ? yuan(room.minimumNext) : '—';
    endsAt = Date.parse(room.endsAt || '');
    $('room-ends-at').textContent = room.endsAt ? beijing(room.endsAt) : '—';
    var history = room.history || room.recentBids || room.lastBids;
    if (Array.isArray(history)) {
      history.forEach(function (b) { addHistory(b.seq, b.bidderNumber, b.amount, b.receivedAt); });
    } else if (room.lastBid) {
      addHistory(room.lastBid.seq, room.lastBid.bidderNumber, room.lastBid.amount, room.lastBid.receivedAt);
    } else if (room.bids > lastBids && room.leader) {
      addHistory(room.bids, room.leader, room.currentPrice, room.lastBidAt || new Date(serverNow()).toISOString());
    }
    lastBids = room.bids;
    var mine = room.you && room.you.bidderNumber ? room.you.bidderNumber : you;
    if (mine && $('you-status')) {
      var leading = room.you && typeof room.you.leading === 'boolean' ? room.you.leading : room.leader === mine;
      var status = $('you-status');
      status.textContent = !room.leader ? labels.none : leading ? labels.leading : labels.outbid;
      status.classList.toggle('tag-ok', !!room.leader && leading);
      status.classList.toggle('tag-bad', !!room.leader && !leading);
    }
    var amount = $('bid-amount');
    if (amount && !amountTouched && min > 0) amount.value = yuan(room.minimumNext);
    if (phase === 'ENDED') showResult();
    tick();
  }

  function showResult() {
    var section = $('auction-result');
    if (!section || section.getAttribute('data-loaded')) return;
    fetch(root.getAttribute('data-result'), {headers: {'Accept': 'application/json'}}).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (result) {
      if (!result) return;
      section.setAttribute('data-loaded', '1');
      var list = $('auction-result-list');
      list.textContent = '';
      function row(label, value) {
        if (value === null || value === undefined || value === '') return;
        var dt = document.createElement('dt'), dd = document.createElement('dd');
        dt.textContent = label; dd.textContent = value;
        list.appendChild(dt); list.appendChild(dd);
      }
      row(labels.deal, result.deal ? labels.deal : labels['no-deal']);
      var winner = result.winner || {};
      row(labels.price, result.price ? yuan(result.price) : winner.amount ? yuan(winner.amount) : null);
      row(labels.winner, winner.bidderNumber || result.winnerNumber);
      row(labels.reserve, result.reserve ? yuan(result.reserve) : null);
      row(labels.premium, result.premiumRate ? result.premiumRate + (String(result.premiumRate).indexOf('%') < 0 ? ' %' : '') : null);
      row(labels.reason, result.noDealText || result.reasonText || result.reason);
      section.hidden = false;
    }).catch(function () { /* the result is not published yet */ });
  }

  function details() {
    fetch(root.getAttribute('data-lot-api'), {headers: {'Accept': 'application/json'}}).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (lot) {
      if (!lot || !lot.details || typeof lot.details !== 'object') return;
      var list = $('lot-details-list');
      Object.keys(lot.details).forEach(function (key) {
        var value = lot.details[key];
        if (value === null || value === '' || typeof value === 'object') return;
        var dt = document.createElement('dt'), dd = document.createElement('dd');
        dt.textContent = labels['detail.' + key] || (lot.detailLabels && lot.detailLabels[key]) || key;
        dd.textContent = value;
        list.appendChild(dt); list.appendChild(dd);
      });
      if (list.children.length) $('lot-details').hidden = false;
    }).catch(function () { /* no details published */ });
  }

  function live() {
    if (!window.EventSource) return;
    var source = new EventSource(root.getAttribute('data-live'));
    var onEvent = function (e) {
      try { apply(JSON.parse(e.data)); } catch (err) { /* not a room snapshot */ }
      $('room-connection').textContent = labels.live;
    };
    source.onmessage = onEvent;
    ['room', 'snapshot', 'bid'].forEach(function (name) { source.addEventListener(name, onEvent); });
    source.onopen = function () { $('room-connection').textContent = labels.live; };
    // The browser reconnects by itself and sends Last-Event-ID: the server resumes after the last version seen.
    source.onerror = function () { $('room-connection').textContent = labels.reconnecting; };
  }

  var form = $('bid-form');
  if (form) {
    $('bid-amount').addEventListener('input', function () { amountTouched = true; });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var error = $('bid-amount-error'), ok = $('bid-ok'), button = $('bid-submit');
      error.textContent = ''; ok.textContent = '';
      $('bid-amount').removeAttribute('aria-invalid');
      var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
      if (root.getAttribute('data-csrf-header')) headers[root.getAttribute('data-csrf-header')] = root.getAttribute('data-csrf');
      var amount = $('bid-amount').value.replace(/[,，\s元]/g, '');
      button.disabled = true;
      fetch(root.getAttribute('data-bid'), {method: 'POST', headers: headers, credentials: 'same-origin',
        body: JSON.stringify({amount: amount})}).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) { return {ok: r.ok, body: body}; });
      }).then(function (res) {
        button.disabled = false;
        if (res.ok) {
          amountTouched = false;
          ok.textContent = labels.accepted + beijing(res.body.receivedAt, true);
          return;
        }
        var p = res.body || {};
        var text = p.detail || p.title || labels.failed;
        if (p.receivedAt) text += '（' + labels.received + beijing(p.receivedAt, true);
        if (p.endedAt) text += (p.receivedAt ? '；' : '（') + labels.ended + beijing(p.endedAt, true);
        if (p.receivedAt || p.endedAt) text += '）';
        error.textContent = text;
        $('bid-amount').setAttribute('aria-invalid', 'true');
        if (p.minimumNext && !amountTouched) $('bid-amount').value = yuan(p.minimumNext);
      }).catch(function () { button.disabled = false; error.textContent = labels.failed; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    live();
    details();
    if (phase === 'ENDED') showResult();
  });
  tick();
  setInterval(tick, 250);
})();
