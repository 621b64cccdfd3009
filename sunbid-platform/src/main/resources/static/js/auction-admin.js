// The owner's auction forms (issue 17): each form.api-form sends its fields as JSON to the auction API (data-action,
// data-method), asks first where the step cannot be undone (data-confirm), and shows a refusal as the platform words
// it: under the field the problem names (its `field` member, or `errors` by field) and in the form's summary.
(function () {
  var root = document.getElementById('auction-admin');
  if (!root) return;
  function beijingInstant(local) { // a datetime-local value, read as Beijing time, as an instant
    var t = Date.parse(local + (local.length === 16 ? ':00' : '') + '+08:00');
    return isNaN(t) ? local : new Date(t).toISOString();
  }
  function amount(text) { // what people type: 12,000,000.00 · 1200万 · 12000000元 → "12000000.00"-like text
    var s = text.replace(/[,，\s]/g, '').replace(/元$/, '');
    var wan = /万$/.test(s);
    if (wan) s = s.replace(/万$/, '');
    if (!/^\d+(\.\d{1,2})?$/.test(s)) return text; // the server's message explains what is expected
    if (!wan) return s;
    var parts = s.split('.'), frac = (parts[1] || '').padEnd(4, '0');
    return String(Number(parts[0] + frac.substring(0, 4))) + '.' + (frac.substring(4) || '00').padEnd(2, '0');
  }
  function body(form) {
    var json = {};
    form.querySelectorAll('input, select, textarea').forEach(function (el) {
      if (!el.name) return;
      var kind = el.getAttribute('data-kind'), value = el.value.trim();
      if (kind === 'boolean') value = el.checked;
      else if (value === '') return;
      else if (kind === 'amount') value = amount(value);
      else if (kind === 'time') value = beijingInstant(value);
      else if (kind === 'integer' && /^\d+$/.test(value)) value = Number(value);
      var path = el.name.split('.');
      if (path.length === 2) { json[path[0]] = json[path[0]] || {}; json[path[0]][path[1]] = value; }
      else json[el.name] = value;
    });
    return json;
  }
  function clear(form) {
    form.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); e.classList.remove('invalid'); });
    var summary = form.parentNode.querySelector('.form-summary');
    summary.hidden = true; summary.textContent = '';
  }
  function fieldError(form, name, message) {
    var el = form.querySelector('[name="' + name + '"]');
    if (!el) return false;
    el.setAttribute('aria-invalid', 'true'); el.classList.add('invalid');
    var target = document.getElementById(el.getAttribute('aria-describedby'));
    if (target) target.textContent = message;
    return true;
  }
  document.querySelectorAll('form.api-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clear(form);
      var question = form.getAttribute('data-confirm');
      if (question && !window.confirm(question)) return;
      var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
      headers[root.getAttribute('data-csrf-header')] = root.getAttribute('data-csrf');
      fetch(form.getAttribute('data-action'), {method: form.getAttribute('data-method') || 'POST', headers: headers,
        credentials: 'same-origin', body: JSON.stringify(body(form))}).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (b) { return {ok: r.ok, body: b}; });
      }).then(function (res) {
        if (res.ok) { window.location.reload(); return; }
        var p = res.body || {}, message = p.detail || p.title || String(p.status || '');
        var summary = form.parentNode.querySelector('.form-summary');
        if (p.errors && typeof p.errors === 'object') {
          Object.keys(p.errors).forEach(function (k) { fieldError(form, k, p.errors[k]); });
        }
        if (p.field) fieldError(form, p.field, message);
        summary.textContent = message;
        summary.hidden = false;
        summary.scrollIntoView({block: 'nearest'});
      });
    });
  });
})();
