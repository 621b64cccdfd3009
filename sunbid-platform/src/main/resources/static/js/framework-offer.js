// A secondary competition's sealed offer (二次竞价), made in the supplier's browser: the price typed and a random nonce
// are hashed with SM3 into the commitment, the same sealed text as the API's (order|supplier|price|nonce); only the
// commitment is sent. The price and nonce are kept in this browser (localStorage) and shown, for the reveal after the
// deadline, whose form they fill in.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var PREFIX = 'sunbid-framework-offer-';

  function normalise(typed) {
    var t = (typed || '').replace(/[,，\s]/g, '');
    if (!/^\d+(\.\d{1,2})?$/.test(t)) {
      return null;
    }
    var parts = t.split('.');
    var whole = parts[0].replace(/^0+(?=\d)/, '');
    var cents = ((parts[1] || '') + '00').slice(0, 2);
    return whole + '.' + cents;
  }

  function nonce() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  function saved(order) {
    try {
      return JSON.parse(window.localStorage.getItem(PREFIX + order) || 'null');
    } catch (e) {
      return null;
    }
  }

  document.querySelectorAll('form.offer-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('.offer-price');
      var price = normalise(input.value);
      if (price === null || Number(price) <= 0) {
        event.preventDefault();
        input.setCustomValidity(form.dataset.missing);
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      var n = nonce();
      var order = form.dataset.order;
      form.querySelector('.offer-commitment').value =
          window.sm3Hex(order + '|' + form.dataset.supplier + '|' + price + '|' + n);
      window.localStorage.setItem(PREFIX + order, JSON.stringify({price: price, nonce: n}));
      input.value = '';
    });
    form.querySelector('.offer-price').addEventListener('input', function (e) {
      e.target.setCustomValidity('');
    });
  });

  document.querySelectorAll('form.reveal-form').forEach(function (form) {
    var kept = saved(form.dataset.order);
    if (kept) {
      form.querySelector('.reveal-price').value = kept.price;
      form.querySelector('.reveal-nonce').value = kept.nonce;
    }
  });

  // where this browser sealed an offer: its price and nonce, to note down (they are needed for the reveal)
  document.querySelectorAll('article.invitation').forEach(function (article) {
    var kept = saved(article.dataset.order);
    if (kept && !article.querySelector('form.offer-form')) {
      var p = document.createElement('p');
      p.className = 'muted offer-saved';
      p.textContent = (document.documentElement.lang || '').indexOf('en') === 0
          ? 'Kept in this browser for the reveal: price ' + kept.price + ', nonce ' + kept.nonce
          : '本浏览器保存的报价与随机数（解密时使用）：' + kept.price + '，' + kept.nonce;
      article.appendChild(p);
    }
  });
});
