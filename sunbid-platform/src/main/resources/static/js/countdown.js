// Counts down to an instant: an element with data-countdown="2026-12-08T02:00:00Z" shows the time left (天/时/分/秒), and
// data-countdown-over once it has passed. The server's figure stays in the page for those without scripts. With
// data-countdown-now (the platform's time when the page was made) it counts by the platform's clock, which decides the
// deadline, not by the visitor's device clock, which may be off.
(function () {
  var loaded = Date.now();
  function tick() {
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      var serverNow = Date.parse(el.getAttribute('data-countdown-now') || '');
      var now = isNaN(serverNow) ? Date.now() : serverNow + (Date.now() - loaded);
      var left = Math.floor((Date.parse(el.getAttribute('data-countdown')) - now) / 1000);
      if (left <= 0) {
        el.textContent = el.getAttribute('data-countdown-over') || '0';
        return;
      }
      var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
      var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
      el.textContent = zh ? (d ? d + ' 天 ' : '') + h + ' 时 ' + m + ' 分 ' + s + ' 秒'
          : (d ? d + ' d ' : '') + h + ' h ' + m + ' min ' + s + ' s';
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
  });
})();
